<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AppOptions</name>
    <message>
        <source>Unroll: design, train and understand recurrent neural networks.</source>
        <translation>Unroll: rekurrente neuronale Netze entwerfen, trainieren und verstehen.</translation>
    </message>
    <message>
        <source>Open a demo: %1.</source>
        <translation>Eine Demo öffnen: %1.</translation>
    </message>
    <message>
        <source>Start training at once.</source>
        <translation>Das Training sofort starten.</translation>
    </message>
    <message>
        <source>Grab the whole window to FILE.png, then quit.</source>
        <translation>Das ganze Fenster als FILE.png speichern, dann beenden.</translation>
    </message>
    <message>
        <source>Seconds before the screenshot (default 5).</source>
        <translation>Sekunden bis zum Bildschirmfoto (Standard 5).</translation>
    </message>
    <message>
        <source>Interface language: en or de.</source>
        <translation>Sprache der Oberfläche: en oder de.</translation>
    </message>
    <message>
        <source>Steps per second (0 = full speed, the default).</source>
        <translation>Schritte pro Sekunde (0 = volle Geschwindigkeit, Standard).</translation>
    </message>
    <message>
        <source>--after needs seconds between 0 and 3600</source>
        <translation>--after braucht Sekunden zwischen 0 und 3600</translation>
    </message>
    <message>
        <source>--speed needs a whole number &gt;= 0</source>
        <translation>--speed braucht eine ganze Zahl &gt;= 0</translation>
    </message>
    <message>
        <source>--lang must be en or de</source>
        <translation>--lang muss en oder de sein</translation>
    </message>
    <message>
        <source>unknown demo &apos;%1&apos;; choose one of: %2</source>
        <translation>unbekannte Demo „%1“; verfügbar sind: %2</translation>
    </message>
    <message>
        <source>Open a guided lesson: %1.</source>
        <translation type="vanished">Eine geführte Lektion öffnen: %1.</translation>
    </message>
    <message>
        <source>unknown lesson &apos;%1&apos;; choose one of: %2</source>
        <translation type="vanished">unbekannte Lektion „%1“; zur Wahl stehen: %2</translation>
    </message>
    <message>
        <source>Open a guided lesson: %1, or a lesson file.</source>
        <translation>Eine geführte Lektion öffnen: %1, oder eine Lektionsdatei.</translation>
    </message>
    <message>
        <source>no lesson &apos;%1&apos;: give a lesson file or one of: %2</source>
        <translation>keine Lektion &apos;%1&apos;: eine Lektionsdatei angeben oder eine von: %2</translation>
    </message>
    <message>
        <source>Window size, e.g. 1366x768.</source>
        <translation>Fenstergröße, z. B. 1366x768.</translation>
    </message>
    <message>
        <source>--size needs WIDTHxHEIGHT in pixels, e.g. 1366x768</source>
        <translation>--size braucht BREITExHÖHE in Pixeln, z. B. 1366x768</translation>
    </message>
    <message>
        <source> (and %1 more)</source>
        <translation> (und %1 weitere)</translation>
    </message>
    <message>
        <source>Open a saved run instead of the demo.</source>
        <translation>Einen gespeicherten Lauf statt der Demo öffnen.</translation>
    </message>
    <message>
        <source>--open: no file &apos;%1&apos;</source>
        <translation>--open: keine Datei &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Open a tool window at start: translation (with --autoplay it trains, and --screenshot grabs that window).</source>
        <translation>Beim Start ein Werkzeugfenster öffnen: translation (mit --autoplay trainiert es, und --screenshot nimmt dieses Fenster auf).</translation>
    </message>
    <message>
        <source>--window: no window &apos;%1&apos;; try translation</source>
        <translation>--window: kein Fenster &apos;%1&apos;; versuchen Sie translation</translation>
    </message>
    <message>
        <source>Open the lesson at step N (1 = the first).</source>
        <translation>Die Lektion bei Schritt N öffnen (1 = der erste).</translation>
    </message>
    <message>
        <source>Play the lesson&apos;s steps in turn (from --lesson-step on; --speed overrides their pace), save a screenshot DIR/step-N.png when each one completes or spends its budget, then quit.</source>
        <translation>Die Schritte der Lektion nacheinander abspielen (ab --lesson-step; --speed ersetzt ihr Tempo), ein Bildschirmfoto DIR/step-N.png speichern, wenn einer abgeschlossen ist oder sein Budget verbraucht hat, dann beenden.</translation>
    </message>
    <message>
        <source>Presentation mode for a projector: larger text, fewer charts.</source>
        <translation>Präsentationsmodus für einen Beamer: größere Schrift, weniger Diagramme.</translation>
    </message>
    <message>
        <source>--%1 needs --lesson</source>
        <translation>--%1 braucht --lesson</translation>
    </message>
    <message>
        <source>--lesson-step needs a step from 1 to %1 of this lesson</source>
        <translation>--lesson-step braucht einen Schritt von 1 bis %1 dieser Lektion</translation>
    </message>
</context>
<context>
    <name>ChartExport</name>
    <message>
        <source>Save chart as PNG…</source>
        <translation>Diagramm als PNG speichern…</translation>
    </message>
    <message>
        <source>Save chart as SVG…</source>
        <translation>Diagramm als SVG speichern…</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>Diagramm speichern</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG-Bild (*.svg)</translation>
    </message>
</context>
<context>
    <name>DialogFileUi</name>
    <message>
        <source>Unsaved training</source>
        <translation>Ungespeichertes Training</translation>
    </message>
    <message>
        <source>The run “%1” has trained since it was last saved. Save it?</source>
        <translation>Der Lauf „%1“ wurde seit dem letzten Speichern weiter trainiert. Speichern?</translation>
    </message>
    <message>
        <source>Open checkpoint</source>
        <translation>Checkpoint öffnen</translation>
    </message>
    <message>
        <source>Unroll checkpoints (*.unroll);;All files (*)</source>
        <translation>Unroll-Checkpoints (*.unroll);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Recover training</source>
        <translation>Training wiederherstellen</translation>
    </message>
    <message>
        <source>Unroll did not close cleanly. An autosaved run from %1 exists. Recover it?</source>
        <translation>Unroll wurde nicht ordnungsgemäß beendet. Es gibt einen automatisch gespeicherten Lauf vom %1. Wiederherstellen?</translation>
    </message>
</context>
<context>
    <name>GradientFit</name>
    <message>
        <source>not enough gradient to fit</source>
        <translation type="vanished">zu wenig Gradient für eine Anpassung</translation>
    </message>
    <message>
        <source>%1 per step back: the signal keeps its size</source>
        <translation type="vanished">%1 pro Schritt zurück: Das Signal behält seine Größe</translation>
    </message>
    <message>
        <source>%1 per step back: the signal halves every %2 steps</source>
        <translation type="vanished">%1 pro Schritt zurück: Das Signal halbiert sich alle %2 Schritte</translation>
    </message>
    <message>
        <source>%1 per step back: the signal doubles every %2 steps</source>
        <translation type="vanished">%1 pro Schritt zurück: Das Signal verdoppelt sich alle %2 Schritte</translation>
    </message>
</context>
<context>
    <name>GradientVerdict</name>
    <message>
        <source>%1% of ReLU units are dead and pass no gradient at all.</source>
        <translation>%1 % der ReLU-Einheiten sind tot und leiten überhaupt keinen Gradienten weiter.</translation>
    </message>
    <message>
        <source>%1% of units are saturated, where tanh′ ≈ 0.</source>
        <translation>%1 % der Einheiten sind gesättigt, dort ist tanh′ ≈ 0.</translation>
    </message>
    <message>
        <source>W_hh stretches signals (ρ %1), but %2% of units are saturated, where tanh′ ≈ 0.</source>
        <translation>W_hh streckt Signale (ρ %1), aber %2 % der Einheiten sind gesättigt, dort ist tanh′ ≈ 0.</translation>
    </message>
    <message>
        <source>W_hh shrinks signals (ρ %1 &lt; 1).</source>
        <translation>W_hh schrumpft Signale (ρ %1 &lt; 1).</translation>
    </message>
    <message>
        <source>W_hh stretches signals (ρ %1 &gt; 1).</source>
        <translation>W_hh streckt Signale (ρ %1 &gt; 1).</translation>
    </message>
    <message>
        <source>ρ %1 ≥ 1, but tanh′ &lt; 1 damps every step.</source>
        <translation>ρ %1 ≥ 1, aber tanh′ &lt; 1 dämpft jeden Schritt.</translation>
    </message>
    <message>
        <source>W_hh keeps signals near their size (ρ %1).</source>
        <translation>W_hh erhält Signale nahezu in ihrer Größe (ρ %1).</translation>
    </message>
    <message>
        <source>Forget gates average %1: the cell keeps only that share of itself per step.</source>
        <translation>Die Vergessens-Gates liegen im Mittel bei %1: Die Zelle behält pro Schritt nur diesen Anteil von sich.</translation>
    </message>
    <message>
        <source>Forget gates are open (%1): the cell carries the signal back.</source>
        <translation>Die Vergessens-Gates sind offen (%1): Die Zelle trägt das Signal zurück.</translation>
    </message>
    <message>
        <source>Update gates average %1: the state keeps only that share of itself per step.</source>
        <translation>Die Update-Gates liegen im Mittel bei %1: Der Zustand behält pro Schritt nur diesen Anteil von sich.</translation>
    </message>
    <message>
        <source>Update gates are near 1 (%1): the state carries the signal back.</source>
        <translation>Die Update-Gates liegen nahe 1 (%1): Der Zustand trägt das Signal zurück.</translation>
    </message>
    <message>
        <source>Vanishing</source>
        <translation>Verschwindend</translation>
    </message>
    <message>
        <source>Stable</source>
        <translation>Stabil</translation>
    </message>
    <message>
        <source>Exploding</source>
        <translation>Explodierend</translation>
    </message>
    <message>
        <source>Not measurable</source>
        <translation>Nicht messbar</translation>
    </message>
    <message>
        <source>×%1</source>
        <translation>×%1</translation>
    </message>
    <message>
        <source>%1 (layer %2)</source>
        <translation>%1 (Schicht %2)</translation>
    </message>
    <message>
        <source>%1: fewer than 3 timesteps received a gradient</source>
        <translation>%1: Weniger als 3 Zeitschritte haben einen Gradienten erhalten</translation>
    </message>
    <message>
        <source>%1: %2 per step back, the gradient halves every %3 steps</source>
        <translation>%1: %2 pro Schritt zurück, der Gradient halbiert sich alle %3 Schritte</translation>
    </message>
    <message>
        <source>%1: %2 per step back, the gradient keeps its size (%3 over %4 steps)</source>
        <translation>%1: %2 pro Schritt zurück, der Gradient behält seine Größe (%3 über %4 Schritte)</translation>
    </message>
    <message>
        <source>%1: the gradient overflows to ∞ at timestep %2</source>
        <translation>%1: Der Gradient läuft bei Zeitschritt %2 nach ∞ über</translation>
    </message>
    <message>
        <source>%1: ‖∂L/∂hₜ‖ reaches %2 (%3 per step back)</source>
        <translation>%1: ‖∂L/∂hₜ‖ erreicht %2 (%3 pro Schritt zurück)</translation>
    </message>
    <message>
        <source>%1: ‖∂L/∂hₜ‖ reaches %2</source>
        <translation>%1: ‖∂L/∂hₜ‖ erreicht %2</translation>
    </message>
    <message>
        <source>%1: %2 per step back, the gradient doubles every %3 steps</source>
        <translation>%1: %2 pro Schritt zurück, der Gradient verdoppelt sich alle %3 Schritte</translation>
    </message>
    <message>
        <source>Clip the gradient or lower the learning rate.</source>
        <translation>Begrenzen Sie den Gradienten (Clipping) oder senken Sie die Lernrate.</translation>
    </message>
    <message>
        <source>Long dependencies are learnable.</source>
        <translation>Lange Abhängigkeiten sind lernbar.</translation>
    </message>
    <message>
        <source>Steps far back barely learn: long dependencies are out of reach.</source>
        <translation>Weit zurückliegende Schritte lernen kaum: Lange Abhängigkeiten sind außer Reichweite.</translation>
    </message>
    <message>
        <source>But BPTT is truncated: nothing further back than %1 steps learns.</source>
        <translation>Aber BPTT ist abgeschnitten: Nichts, was weiter als %1 Schritte zurückliegt, lernt.</translation>
    </message>
</context>
<context>
    <name>Lesson</name>
    <message>
        <source>Unrolling: one set of weights, many timesteps</source>
        <translation>Entfalten: ein Satz Gewichte, viele Zeitschritte</translation>
    </message>
    <message>
        <source>A feedforward network sees one input and forgets it. A recurrent network keeps a hidden state h_t and updates it at every timestep with the same weights: h_t = tanh(W_ih x_t + W_hh h_(t-1) + b). Drawn out over a sentence, the network becomes a deep feedforward network with one layer per character, all layers sharing W_ih and W_hh. Press play and watch the hidden states change character by character.</source>
        <translation>Ein Feedforward-Netz sieht eine Eingabe und vergisst sie. Ein rekurrentes Netz führt einen verborgenen Zustand h_t mit und aktualisiert ihn in jedem Zeitschritt mit denselben Gewichten: h_t = tanh(W_ih x_t + W_hh h_(t-1) + b). Über einen Satz ausgerollt wird das Netz zu einem tiefen Feedforward-Netz mit einer Schicht pro Zeichen, und alle Schichten teilen sich W_ih und W_hh. Drücken Sie auf Start und beobachten Sie, wie sich die verborgenen Zustände Zeichen für Zeichen ändern.</translation>
    </message>
    <message>
        <source>play</source>
        <translation>auf Start drücken</translation>
    </message>
    <message>
        <source>Backpropagation through time (BPTT) is ordinary backpropagation through that unrolled graph. The loss at each step sends a gradient back through every earlier step, and because the weights are shared, the gradients from all timesteps are summed into one update of W_hh. The drawing of the unrolled network plays this backward pass: a pulse leaves the loss and travels back through W_hh one step at a time, and every cell it passes shows the gradient that reached it. The chart of the gradient at each timestep shows the same numbers for the whole sequence: how much every position contributes to the update. Keep training until the loss falls below 3.</source>
        <translation>Backpropagation through time (BPTT) ist gewöhnliche Backpropagation durch diesen entfalteten Graphen. Der Verlust jedes Schritts schickt einen Gradienten zurück durch alle früheren Schritte, und weil die Gewichte geteilt sind, werden die Gradienten aller Zeitschritte zu einer einzigen Aktualisierung von W_hh summiert. Die Zeichnung des entfalteten Netzes spielt diesen Rückwärtsdurchlauf ab: Ein Impuls verlässt den Verlust und wandert Schritt für Schritt zurück durch W_hh, und jede Zelle, die er passiert, zeigt den Gradienten, der sie erreicht hat. Das Diagramm des Gradienten je Zeitschritt zeigt dieselben Zahlen für die ganze Sequenz: wie viel jede Position zur Aktualisierung beiträgt. Trainieren Sie weiter, bis der Verlust unter 3 fällt.</translation>
    </message>
    <message>
        <source>Vanishing gradients: why a plain RNN forgets</source>
        <translation>Verschwindende Gradienten: warum ein einfaches RNN vergisst</translation>
    </message>
    <message>
        <source>Each sentence reads &quot;I am from &lt;country&gt;. &lt;filler&gt; I can speak &lt;language&gt;.&quot; The language can only be guessed by remembering the country across the filler. This tanh RNN starts with W_hh set to an orthogonal matrix scaled by 0.7, so it shrinks every hidden state by 0.7. Going backwards, every timestep multiplies the gradient by W_hh and by the tanh slope, both below one, so the gradient ||dL/dh_t|| falls geometrically towards the start of the sentence. Press play and watch the gradient at t = 0, some 50 steps before the language word, lie below one hundred-millionth (1e-8).</source>
        <translation>Jeder Satz lautet „I am from &lt;country&gt;. &lt;filler&gt; I can speak &lt;language&gt;.“ Die Sprache lässt sich nur erraten, wenn sich das Netz das Land über den Füllsatz hinweg merkt. Dieses tanh-RNN beginnt mit W_hh als orthogonaler Matrix, skaliert mit 0,7, und schrumpft so jeden verborgenen Zustand um den Faktor 0,7. Rückwärts multipliziert jeder Zeitschritt den Gradienten mit W_hh und mit der Steigung von tanh, beide kleiner als eins, sodass der Gradient ||dL/dh_t|| zum Satzanfang hin geometrisch fällt. Drücken Sie auf Start und sehen Sie, wie der Gradient bei t = 0, rund 50 Schritte vor dem Sprachwort, unter einem Hundertmillionstel (1e-8) liegt.</translation>
    </message>
    <message>
        <source>A gradient this small means the country has practically no say in the update. Keep training for 3000 steps. The loss falls slowly as the network learns how the language names are spelled (after &quot;Spa&quot; comes &quot;nish&quot;), which needs only the last few characters. The link from country to language does not get through: even as training changes W_hh, the gradient at t = 0 stays below a ten-thousandth of the largest gradient in the sentence. This run uses plain SGD, so a tiny gradient makes a tiny change.</source>
        <translation>Bei einem so kleinen Gradienten hat das Land bei der Aktualisierung praktisch nichts zu sagen. Trainieren Sie 3000 Schritte weiter. Der Verlust fällt langsam, während das Netz lernt, wie die Sprachnamen geschrieben werden (nach „Spa“ kommt „nish“); dafür genügen die letzten paar Zeichen. Die Verbindung vom Land zur Sprache kommt nicht durch: Auch während das Training W_hh verändert, bleibt der Gradient bei t = 0 unter einem Zehntausendstel des größten Gradienten im Satz. Dieser Lauf verwendet einfaches SGD, also bewirkt ein winziger Gradient eine winzige Änderung.</translation>
    </message>
    <message>
        <source>Now lengthen the filler to 40 with the lag slider. The gradient at t = 0 falls even further, by roughly the same factor for every added character (about 0.7): twenty more characters make it over a thousand times smaller, below 1e-11. The straight line on the logarithmic gradient chart is the signature of vanishing gradients.</source>
        <translation type="vanished">Verlängern Sie jetzt den Füllsatz mit dem Verzögerungsregler auf 40. Der Gradient bei t = 0 fällt noch weiter, um ungefähr denselben Faktor für jedes zusätzliche Zeichen (etwa 0,7): Zwanzig Zeichen mehr machen ihn über tausendmal kleiner, unter 1e-11. Die gerade Linie im logarithmischen Gradientendiagramm ist das Kennzeichen verschwindender Gradienten.</translation>
    </message>
    <message>
        <source>move the lag slider to 40</source>
        <translation type="vanished">den Verzögerungsregler auf 40 stellen</translation>
    </message>
    <message>
        <source>Exploding gradients: when the product grows</source>
        <translation>Explodierende Gradienten: wenn das Produkt wächst</translation>
    </message>
    <message>
        <source>The same product of Jacobians that makes gradients vanish can make them explode. This RNN uses ReLU units and starts with W_hh = 1.1 times the identity: going backwards, every active unit passes the gradient on multiplied by 1.1, and 60 timesteps multiply it by 1.1^60, about 300. Press play: within a few steps the gradient norm leaps into the thousands, one plain SGD step throws the weights so far that the next loss is not finite, and that step is rejected; the run pauses with an explanation.</source>
        <translation type="vanished">Dasselbe Produkt von Jacobi-Matrizen, das Gradienten verschwinden lässt, kann sie auch explodieren lassen. Dieses RNN hat ReLU-Einheiten und beginnt mit W_hh = 1,1 mal der Einheitsmatrix: Rückwärts gibt jede aktive Einheit den Gradienten mit 1,1 multipliziert weiter, und 60 Zeitschritte multiplizieren ihn mit 1,1^60, etwa 300. Drücken Sie auf Start: Nach wenigen Schritten springt die Gradientennorm in die Tausende, ein einziger einfacher SGD-Schritt wirft die Gewichte so weit, dass der nächste Verlust nicht endlich ist, und dieser Schritt wird abgelehnt; der Lauf hält mit einer Erklärung an.</translation>
    </message>
    <message>
        <source>Gradient clipping rescales the whole gradient whenever its norm exceeds a threshold, keeping its direction but bounding the step. The run starts again from the same weights, now with clipping at norm 1. Train: the clipped marker lights up on the spikes, no step is rejected, and the loss falls below 3.8, which the unclipped run never reached.</source>
        <translation type="vanished">Gradientenbegrenzung (Clipping) skaliert den ganzen Gradienten herunter, sobald seine Norm eine Schwelle überschreitet: Die Richtung bleibt, der Schritt wird begrenzt. Der Lauf beginnt noch einmal mit denselben Gewichten, jetzt mit Begrenzung auf Norm 1. Trainieren Sie: Die Begrenzungsmarke leuchtet bei den Spitzen auf, kein Schritt wird abgelehnt, und der Verlust fällt unter 3,8, was der unbegrenzte Lauf nie erreicht hat.</translation>
    </message>
    <message>
        <source>enable clipping</source>
        <translation type="vanished">Begrenzung einschalten</translation>
    </message>
    <message>
        <source>Clipping treats the symptom. Truncated BPTT shortens the product itself: backpropagating through only the last 20 steps multiplies the gradient by 1.1^20, about 7, instead of 300. Turn clipping off and truncate BPTT at 20 steps: the largest gradient norm stays far below the first run&apos;s spike, no step is rejected, and the loss falls below 3.3. The price: the network can no longer learn dependencies longer than 20 steps.</source>
        <translation type="vanished">Begrenzung behandelt das Symptom. Abgeschnittene BPTT verkürzt das Produkt selbst: Die Rückpropagation durch nur die letzten 20 Schritte multipliziert den Gradienten mit 1,1^20, etwa 7, statt mit 300. Schalten Sie die Begrenzung aus und schneiden Sie BPTT nach 20 Schritten ab: Die größte Gradientennorm bleibt weit unter der Spitze des ersten Laufs, kein Schritt wird abgelehnt, und der Verlust fällt unter 3,3. Der Preis: Abhängigkeiten über mehr als 20 Schritte kann das Netz nicht mehr lernen.</translation>
    </message>
    <message>
        <source>disable clipping and truncate BPTT at 20 steps</source>
        <translation type="vanished">Begrenzung ausschalten und BPTT nach 20 Schritten abschneiden</translation>
    </message>
    <message>
        <source>Fixes for vanishing gradients</source>
        <translation>Abhilfen gegen verschwindende Gradienten</translation>
    </message>
    <message>
        <source>Start from the vanishing lesson&apos;s model, but initialise W_hh as an orthogonal matrix with gain 1: all its singular values are one, so at initialisation it neither shrinks nor stretches the state. The gradient at t = 0 now starts around 1e-3 instead of 1e-10. Press play and compare the gradient-versus-timestep chart with the vanishing lesson&apos;s. This lesson trains with Adam.</source>
        <translation>Beginnen Sie mit dem Modell der Lektion über verschwindende Gradienten, aber initialisieren Sie W_hh als orthogonale Matrix mit Verstärkung 1: Alle ihre Singulärwerte sind eins, also schrumpft oder streckt sie den Zustand zu Beginn nicht. Der Gradient bei t = 0 beginnt jetzt bei etwa 1e-3 statt 1e-10. Drücken Sie auf Start und vergleichen Sie das Diagramm Gradient gegen Zeitschritt mit dem aus jener Lektion. Diese Lektion trainiert mit Adam.</translation>
    </message>
    <message>
        <source>The IRNN (Le, Jaitly and Hinton, 2015) uses ReLU units and an identity recurrent matrix: without input, the state is copied unchanged from step to step, and so is the gradient. Here the gradient at t = 0 is above 0.01, as large as anywhere in the sentence. It needs a small learning rate, because nothing shrinks a gradient that grows.</source>
        <translation type="vanished">Das IRNN (Le, Jaitly und Hinton, 2015) verwendet ReLU-Einheiten und eine rekurrente Einheitsmatrix: Ohne Eingabe wird der Zustand unverändert von Schritt zu Schritt kopiert, und ebenso der Gradient. Hier liegt der Gradient bei t = 0 über 0,01 und damit mindestens so groß wie an jeder anderen Stelle im Satz. Es braucht eine kleine Lernrate, weil nichts einen wachsenden Gradienten schrumpfen lässt.</translation>
    </message>
    <message>
        <source>switch the cell to ReLU and the init to identity</source>
        <translation type="vanished">die Zelle auf ReLU und die Initialisierung auf Einheitsmatrix umstellen</translation>
    </message>
    <message>
        <source>The LSTM adds a cell state c_t that is updated by addition, gated by a forget gate: c_t = f * c_(t-1) + i * g. While the forget gate stays near one, the gradient flows back along c_t almost unchanged. A forget-gate bias of 2 starts it remembering (f = sigmoid(2), about 0.88). Switch to the LSTM: the gradient at t = 0 starts above 1e-4. As the gates adapt it drops, but it stays thousands of times above the vanishing RNN&apos;s.</source>
        <translation type="vanished">Das LSTM fügt einen Zellzustand c_t hinzu, der durch Addition aktualisiert und von einem Vergessens-Gate gesteuert wird: c_t = f * c_(t-1) + i * g. Solange das Vergessens-Gate nahe eins bleibt, fließt der Gradient fast unverändert entlang c_t zurück. Ein Bias von 2 im Vergessens-Gate lässt es von Anfang an behalten (f = sigmoid(2), etwa 0,88). Wechseln Sie zum LSTM: Der Gradient bei t = 0 beginnt über 1e-4. Während sich die Gates anpassen, sinkt er, bleibt aber tausendfach über dem des verschwindenden RNN.</translation>
    </message>
    <message>
        <source>switch the cell to LSTM</source>
        <translation type="vanished">die Zelle auf LSTM umstellen</translation>
    </message>
    <message>
        <source>The GRU merges the LSTM&apos;s gates into an update gate z and a reset gate r, with fewer parameters; its state is interpolated, h_t = (1 - z) * n + z * h_(t-1), which gives the same additive path for the gradient. But it starts with z near 0.5, so at first the gradient roughly halves at every step back: at t = 0 it is about 1e-12, no better than the plain RNN. Train it: as the gates learn, the gradient at t = 0 climbs above 1e-4.</source>
        <translation>Die GRU fasst die Gates des LSTM zu einem Update-Gate z und einem Reset-Gate r zusammen und hat weniger Parameter; ihr Zustand wird interpoliert, h_t = (1 - z) * n + z * h_(t-1), was dem Gradienten denselben additiven Pfad bietet. Sie beginnt aber mit z nahe 0,5, sodass sich der Gradient anfangs bei jedem Schritt zurück ungefähr halbiert: Bei t = 0 liegt er bei etwa 1e-12, nicht besser als beim einfachen RNN. Trainieren Sie sie: Während die Gates lernen, steigt der Gradient bei t = 0 über 1e-4.</translation>
    </message>
    <message>
        <source>switch the cell to GRU</source>
        <translation type="vanished">die Zelle auf GRU umstellen</translation>
    </message>
    <message>
        <source>Does the gradient turn into memory? Not quickly on the language task: after 500 steps the GRU&apos;s validation loss is still above 0.5, about what the first letters of the language word alone allow; the link from country to language takes many thousands of updates to find. A cleaner test of memory is the adding problem: fifty random numbers, two of them marked, and the target is their sum, asked for only at the last step, so the first marked number can lie 49 steps back. A model that forgets can only predict the mean (MSE 0.167). Train the LSTM on it: within about a thousand steps the validation MSE falls below 0.01. A tanh RNN with the same settings and budget stays above 0.1.</source>
        <translation type="vanished">Wird aus dem Gradienten ein Gedächtnis? Bei der Sprachaufgabe nicht schnell: Nach 500 Schritten liegt der Validierungsverlust der GRU noch über 0,5, etwa so viel, wie die ersten Buchstaben des Sprachworts allein erlauben; bis das Netz die Verbindung vom Land zur Sprache findet, braucht es viele tausend Aktualisierungen. Ein saubererer Test für das Gedächtnis ist das Additionsproblem: fünfzig Zufallszahlen, zwei davon markiert, und das Ziel ist ihre Summe, gefragt erst im letzten Schritt, sodass die erste markierte Zahl 49 Schritte zurückliegen kann. Ein Modell, das vergisst, kann nur den Mittelwert vorhersagen (MSE 0,167). Trainieren Sie das LSTM darauf: Innerhalb von etwa tausend Schritten fällt der Validierungs-MSE unter 0,01. Ein tanh-RNN mit denselben Einstellungen und demselben Budget bleibt über 0,1.</translation>
    </message>
    <message>
        <source>switch the task to the adding problem and the cell to LSTM</source>
        <translation type="vanished">die Aufgabe auf das Additionsproblem und die Zelle auf LSTM umstellen</translation>
    </message>
    <message>
        <source>Local optima: the same model, different seeds</source>
        <translation>Lokale Optima: dasselbe Modell, verschiedene Seeds</translation>
    </message>
    <message>
        <source>The seed decides the initial weights and the order in which training examples arrive. This small tanh RNN learns the adding problem: 15 random numbers, two of them marked, and the answer is the sum of the marked two. Always answering the average, 1.0, gives a mean squared error of about 0.17: the plateau every run starts on. Train with seed 1 until the validation loss is below 0.05; this seed finds its way off the plateau.</source>
        <translation>Der Seed bestimmt die Anfangsgewichte und die Reihenfolge, in der die Trainingsbeispiele kommen. Dieses kleine tanh-RNN lernt das Additionsproblem: 15 Zufallszahlen, zwei davon markiert, und die Antwort ist die Summe der beiden markierten. Wer immer den Mittelwert 1,0 antwortet, erreicht einen mittleren quadratischen Fehler von etwa 0,17: das Plateau, auf dem jeder Lauf beginnt. Trainieren Sie mit Seed 1, bis der Validierungsverlust unter 0,05 liegt; dieser Seed findet vom Plateau herunter.</translation>
    </message>
    <message>
        <source>Now the same model, the same task and the same budget of 1200 steps, with seed 6. This time the loss stays on the plateau near 0.17 for the whole budget. The loss surface of a recurrent network has plateaus, saddles and valleys; where gradient descent gets to within a budget depends on where it started.</source>
        <translation type="vanished">Nun dasselbe Modell, dieselbe Aufgabe und dasselbe Budget von 1200 Schritten, mit Seed 6. Diesmal bleibt der Verlust das ganze Budget über auf dem Plateau nahe 0,17. Die Verlustfläche eines rekurrenten Netzes hat Plateaus, Sattelpunkte und Täler; wohin der Gradientenabstieg innerhalb eines Budgets gelangt, hängt davon ab, wo er begonnen hat.</translation>
    </message>
    <message>
        <source>change the seed to 6 and play</source>
        <translation type="vanished">den Seed auf 6 setzen und auf Start drücken</translation>
    </message>
    <message>
        <source>Try a third seed, 3, and compare the three final losses. What the spread means in practice: one run proves little. To compare two architectures fairly, race them with the same seeds, or train each from several seeds and compare the spread, not the single best run.</source>
        <translation type="vanished">Versuchen Sie einen dritten Seed, 3, und vergleichen Sie die drei Endverluste. Was die Streuung in der Praxis bedeutet: Ein einzelner Lauf beweist wenig. Um zwei Architekturen fair zu vergleichen, lassen Sie sie mit denselben Seeds gegeneinander antreten, oder trainieren Sie jede mit mehreren Seeds und vergleichen Sie die Streuung, nicht den einzelnen besten Lauf.</translation>
    </message>
    <message>
        <source>change the seed to 3 and play</source>
        <translation type="vanished">den Seed auf 3 setzen und auf Start drücken</translation>
    </message>
    <message>
        <source>This step lengthened the filler to 40 characters (Data &gt; Filler length). The gradient at t = 0 falls even further, by roughly the same factor for every added character (about 0.7): twenty more characters make it over a thousand times smaller, below 1e-11. The straight line on the logarithmic gradient chart is the signature of vanishing gradients.</source>
        <translation type="vanished">Dieser Schritt hat den Füllsatz auf 40 Zeichen verlängert (Daten &gt; Fülllänge). Der Gradient bei t = 0 fällt noch weiter, um ungefähr denselben Faktor für jedes zusätzliche Zeichen (etwa 0,7): Zwanzig Zeichen mehr machen ihn über tausendmal kleiner, unter 1e-11. Die gerade Linie im logarithmischen Gradientendiagramm ist das Kennzeichen verschwindender Gradienten.</translation>
    </message>
    <message>
        <source>play (this step turned clipping on)</source>
        <translation>auf Start drücken (dieser Schritt hat die Begrenzung eingeschaltet)</translation>
    </message>
    <message>
        <source>play (this step chose ReLU and the identity init)</source>
        <translation>auf Start drücken (dieser Schritt hat ReLU und die Identitäts-Initialisierung gewählt)</translation>
    </message>
    <message>
        <source>The LSTM adds a cell state c_t that is updated by addition, gated by a forget gate: c_t = f * c_(t-1) + i * g. While the forget gate stays near one, the gradient flows back along c_t almost unchanged. A forget-gate bias of 2 starts it remembering (f = sigmoid(2), about 0.88). With the LSTM (this step chose it) the gradient at t = 0 starts above 1e-4. As the gates adapt it drops, but it stays thousands of times above the vanishing RNN&apos;s.</source>
        <translation>Das LSTM fügt einen Zellzustand c_t hinzu, der durch Addition aktualisiert und von einem Vergessens-Gate gesteuert wird: c_t = f * c_(t-1) + i * g. Solange das Vergessens-Gate nahe eins bleibt, fließt der Gradient fast unverändert entlang c_t zurück. Ein Bias von 2 im Vergessens-Gate lässt es von Anfang an behalten (f = sigmoid(2), etwa 0,88). Mit dem LSTM (dieser Schritt hat es gewählt) beginnt der Gradient bei t = 0 über 1e-4. Während sich die Gates anpassen, sinkt er, bleibt aber tausendfach über dem des verschwindenden RNN.</translation>
    </message>
    <message>
        <source>play (this step chose the LSTM)</source>
        <translation>auf Start drücken (dieser Schritt hat das LSTM gewählt)</translation>
    </message>
    <message>
        <source>play (this step chose the GRU)</source>
        <translation>auf Start drücken (dieser Schritt hat die GRU gewählt)</translation>
    </message>
    <message>
        <source>play (this step chose the adding problem and the LSTM)</source>
        <translation type="vanished">auf Start drücken (dieser Schritt hat das Additionsproblem und das LSTM gewählt)</translation>
    </message>
    <message>
        <source>play (this step set the seed to 6)</source>
        <translation>auf Start drücken (dieser Schritt hat den Seed auf 6 gesetzt)</translation>
    </message>
    <message>
        <source>play (this step set the seed to 3)</source>
        <translation>auf Start drücken (dieser Schritt hat den Seed auf 3 gesetzt)</translation>
    </message>
    <message>
        <source>Clipping treats the symptom. Truncated BPTT shortens the product itself: backpropagating through only the last 20 steps multiplies the gradient by 1.1^20, about 7, instead of 300. This step turned clipping off and truncates BPTT at 20 steps: the largest gradient norm stays far below the first run&apos;s spike, no step is rejected, and the loss falls below 3.3. The price: the network can no longer learn dependencies longer than 20 steps.</source>
        <translation type="vanished">Begrenzung behandelt das Symptom. Abgeschnittene BPTT verkürzt das Produkt selbst: Die Rückpropagation durch nur die letzten 20 Schritte multipliziert den Gradienten mit 1,1^20, etwa 7, statt mit 300. Dieser Schritt hat die Begrenzung ausgeschaltet und schneidet BPTT nach 20 Schritten ab: Die größte Gradientennorm bleibt weit unter der Spitze des ersten Laufs, kein Schritt wird abgelehnt, und der Verlust fällt unter 3,3. Der Preis: Abhängigkeiten über mehr als 20 Schritte kann das Netz nicht mehr lernen.</translation>
    </message>
    <message>
        <source>play (this step turned clipping off and truncates BPTT at 20 steps)</source>
        <translation>auf Start drücken (dieser Schritt hat die Begrenzung ausgeschaltet und schneidet BPTT nach 20 Schritten ab)</translation>
    </message>
    <message>
        <source>Does the gradient turn into memory? Here is the example this whole field starts from: &quot;I am from Nepal. ... I can speak Nepali.&quot; The language word can only be named by remembering the country across 20 characters of filler, 35 steps back. The loss chart now counts the validation sentences whose language word the model produces exactly, beside the chance level of always naming the most frequent language (7%). First the tanh RNN (64 units, batch 32, Adam 0.003, clipping at 1): within 3000 steps it stays near chance. It learns what language words look like, never which one. Open the Connectivity tab: its guess of the first letter depends on the last few characters, not on Nepal.</source>
        <translation>Wird aus dem Gradienten Gedächtnis? Hier ist das Beispiel, mit dem dieses ganze Gebiet beginnt: &quot;I am from Nepal. ... I can speak Nepali.&quot; Das Sprachwort lässt sich nur nennen, wenn das Land über 20 Zeichen Füllwörter hinweg behalten wird, 35 Schritte zurück. Das Verlustdiagramm zählt jetzt die Validierungssätze, deren Sprachwort das Modell genau erzeugt, neben der Zufallsrate, immer die häufigste Sprache zu nennen (7 %). Zuerst das tanh-RNN (64 Einheiten, Batch 32, Adam 0,003, Clipping bei 1): In 3000 Schritten bleibt es nahe am Zufall. Es lernt, wie Sprachwörter aussehen, nie welches. Öffnen Sie den Reiter Konnektivität: Sein Tipp für den ersten Buchstaben hängt von den letzten paar Zeichen ab, nicht von Nepal.</translation>
    </message>
    <message>
        <source>play (this step chose the tanh RNN on the language task)</source>
        <translation>Play drücken (dieser Schritt hat das tanh-RNN auf der Sprachaufgabe gewählt)</translation>
    </message>
    <message>
        <source>The LSTM with PyTorch&apos;s default initialisation, forget-gate bias 0: the forget gate starts at sigmoid(0) = 0.5, so the cell state halves at every step and, 35 steps back, almost nothing of the country is left. The same budget ends near chance again, although the gradient chart shows the cell-state gradient (dotted) reaching further back than the hidden state&apos;s.</source>
        <translation type="vanished">Das LSTM mit der Standardinitialisierung von PyTorch, Forget-Gate-Bias 0: Das Forget-Gate beginnt bei sigmoid(0) = 0,5, also halbiert sich der Zellzustand bei jedem Schritt, und 35 Schritte zurück ist vom Land fast nichts übrig. Dasselbe Budget endet wieder nahe am Zufall, obwohl das Gradientendiagramm zeigt, dass der Gradient des Zellzustands (gepunktet) weiter zurückreicht als der des verborgenen Zustands.</translation>
    </message>
    <message>
        <source>play (this step chose the LSTM with forget-gate bias 0)</source>
        <translation>Play drücken (dieser Schritt hat das LSTM mit Forget-Gate-Bias 0 gewählt)</translation>
    </message>
    <message>
        <source>The fix of Gers, Schmidhuber and Cummins (2000), which Jozefowicz, Zaremba and Sutskever (2015) found to matter most: a forget-gate bias that starts the gate near one. With a bias of 3, f = sigmoid(3) = 0.95, the grey forget-gate curve starts near the top of the gradient chart, and the cell state carries the country across the filler. Within the same budget the model names the language of more than 90% of the validation sentences. Watch the Connectivity tab as it learns: the letters of Nepal light up.</source>
        <translation>Die Lösung von Gers, Schmidhuber und Cummins (2000), die Jozefowicz, Zaremba und Sutskever (2015) als die wichtigste fanden: ein Forget-Gate-Bias, der das Gate nahe eins beginnen lässt. Mit einem Bias von 3 ist f = sigmoid(3) = 0,95, die graue Forget-Gate-Kurve beginnt oben im Gradientendiagramm, und der Zellzustand trägt das Land über die Füllwörter. Im selben Budget nennt das Modell die Sprache von mehr als 90 % der Validierungssätze. Beobachten Sie den Reiter Konnektivität, während es lernt: Die Buchstaben von Nepal leuchten auf.</translation>
    </message>
    <message>
        <source>play (this step set the forget-gate bias to 3)</source>
        <translation>Play drücken (dieser Schritt hat den Forget-Gate-Bias auf 3 gesetzt)</translation>
    </message>
    <message>
        <source>The GRU needs no bias trick: once its update gate learns to stay near one over the filler, its state is carried almost unchanged (h_t = (1 - z) * n + z * h_(t-1)). With a learning rate of 0.01 it names the language of more than 90% of the sentences well within the budget, and its connectivity puts the weight on the country.</source>
        <translation type="vanished">Die GRU braucht keinen Bias-Trick: Sobald ihr Update-Gate lernt, über den Füllwörtern nahe eins zu bleiben, wird ihr Zustand fast unverändert weitergetragen (h_t = (1 - z) * n + z * h_(t-1)). Mit einer Lernrate von 0,01 nennt sie die Sprache von mehr als 90 % der Sätze deutlich innerhalb des Budgets, und ihre Konnektivität legt das Gewicht auf das Land.</translation>
    </message>
    <message>
        <source>play (this step chose the GRU, learning rate 0.01)</source>
        <translation>Play drücken (dieser Schritt hat die GRU gewählt, Lernrate 0,01)</translation>
    </message>
    <message>
        <source>The LSTM with PyTorch&apos;s default initialisation, forget-gate bias 0: the forget gate starts at sigmoid(0) = 0.5, so the cell state halves at every step and, 35 steps back, almost nothing of the country is left. The same budget ends near chance again.</source>
        <translation>Das LSTM mit der Standardinitialisierung von PyTorch, Forget-Gate-Bias 0: Das Forget-Gate beginnt bei sigmoid(0) = 0,5, also halbiert sich der Zellzustand bei jedem Schritt, und 35 Schritte zurück ist vom Land fast nichts übrig. Dasselbe Budget endet wieder nahe am Zufall.</translation>
    </message>
    <message>
        <source>The GRU needs no bias trick: once its update gate learns to stay near one over the filler, its state is carried almost unchanged (h_t = (1 - z) * n + z * h_(t-1)). With a learning rate of 0.01 it names the language of more than 90% of the sentences well within the budget, and its connectivity lights up the country.</source>
        <translation>Die GRU braucht keinen Bias-Trick: Sobald ihr Update-Gate lernt, über den Füllwörtern nahe eins zu bleiben, wird ihr Zustand fast unverändert weitergetragen (h_t = (1 - z) * n + z * h_(t-1)). Mit einer Lernrate von 0,01 nennt sie die Sprache von mehr als 90 % der Sätze deutlich innerhalb des Budgets, und ihre Konnektivität lässt das Land aufleuchten.</translation>
    </message>
    <message>
        <source>Attention: why translation needed it</source>
        <translation>Attention: warum Übersetzung sie brauchte</translation>
    </message>
    <message>
        <source>An encoder–decoder reads a sentence into its state, then writes the translation from that state one token at a time. This task reorders an invented language: subject–verb–object in, subject–object–verb out. Start short: five words, no attention, a GRU with 64 units. Press Train and watch the model&apos;s line turn green.</source>
        <translation>Ein Encoder–Decoder liest einen Satz in seinen Zustand und schreibt dann aus diesem Zustand die Übersetzung, Token für Token. Diese Aufgabe stellt eine erfundene Sprache um: Subjekt–Verb–Objekt hinein, Subjekt–Objekt–Verb heraus. Beginnen Sie kurz: fünf Wörter, keine Attention, eine GRU mit 64 Einheiten. Drücken Sie Trainieren und sehen Sie zu, wie die Zeile des Modells grün wird.</translation>
    </message>
    <message>
        <source>Now twenty words, still without attention. Everything the decoder learns about the sentence must pass through the encoder&apos;s final state, 64 numbers. Press Train: the loss stalls far above zero and most of the model&apos;s line stays red. The gradient still reaches every source word; what runs out is the room in that one state.</source>
        <translation>Jetzt zwanzig Wörter, weiterhin ohne Attention. Alles, was der Decoder über den Satz lernt, muss durch den letzten Zustand des Encoders, 64 Zahlen. Drücken Sie Trainieren: Der Verlust bleibt weit über null stehen, und der größte Teil der Zeile des Modells bleibt rot. Der Gradient erreicht weiterhin jedes Quellwort; was ausgeht, ist der Platz in diesem einen Zustand.</translation>
    </message>
    <message>
        <source>Attention (Bahdanau, Cho and Bengio, 2015) lets the decoder look at every encoder state while it writes each token. Same sentences, same budget: press Train. The attention matrix draws the reordering, a diagonal with the verb moved to the end, and the sentences come out exact.</source>
        <translation>Attention (Bahdanau, Cho und Bengio, 2015) lässt den Decoder auf jeden Zustand des Encoders schauen, während er jedes Token schreibt. Dieselben Sätze, dasselbe Budget: Drücken Sie Trainieren. Die Attention-Matrix zeichnet die Umstellung, eine Diagonale, deren Verb ans Ende wandert, und die Sätze kommen exakt heraus.</translation>
    </message>
    <message>
        <source>The attention papers&apos; headline result: exact translations against sentence length. Press Run sweep: one model per length, with and without attention, 1500 steps each, about two minutes. Without attention accuracy collapses beyond short sentences; with it, it holds far longer.</source>
        <translation>Das Kernergebnis der Attention-Arbeiten: exakte Übersetzungen über der Satzlänge. Drücken Sie Durchlauf starten: ein Modell je Länge, mit und ohne Attention, je 1500 Schritte, etwa zwei Minuten. Ohne Attention bricht die Genauigkeit jenseits kurzer Sätze ein; mit ihr hält sie viel länger.</translation>
    </message>
    <message>
        <source>filler 20</source>
        <translation>Füllsatz 20</translation>
    </message>
    <message>
        <source>This step lengthened the filler to 40 characters (Data &gt; Filler length). The gradient at t = 0 falls even further, by roughly the same factor for every added character (about 0.7): twenty more characters make it over a thousand times smaller, below 1e-11. The faded line is the filler-20 run&apos;s last profile: the straight line on the logarithmic gradient chart, now longer and lower, is the signature of vanishing gradients.</source>
        <translation>Dieser Schritt hat den Füllsatz auf 40 Zeichen verlängert (Daten &gt; Fülllänge). Der Gradient bei t = 0 fällt noch weiter, um ungefähr denselben Faktor für jedes zusätzliche Zeichen (etwa 0,7): Zwanzig Zeichen mehr machen ihn über tausendmal kleiner, unter 1e-11. Die blasse Linie ist das letzte Profil des Laufs mit Füllsatz 20: Die gerade Linie im logarithmischen Gradientendiagramm, jetzt länger und tiefer, ist das Kennzeichen verschwindender Gradienten.</translation>
    </message>
    <message>
        <source>filler 40</source>
        <translation>Füllsatz 40</translation>
    </message>
    <message>
        <source>The same product of Jacobians that makes gradients vanish can make them explode. This RNN uses ReLU units and starts with W_hh = 1.5 times an orthogonal matrix, which stretches the state by 1.5 in every direction. Going backwards, every timestep multiplies the gradient by W_hh through the units that are on: here about 1.15 per step, so 60 timesteps make the gradient at t = 0 some 4000 times the last step&apos;s, and the gradient norm is above a thousand from the first step. Press play: one plain SGD step of that size throws the weights so far that the next step is not finite, and that step is rejected; the run pauses with an explanation.</source>
        <translation>Dasselbe Produkt von Jacobi-Matrizen, das Gradienten verschwinden lässt, kann sie auch explodieren lassen. Dieses RNN hat ReLU-Einheiten und beginnt mit W_hh = 1,5 mal einer orthogonalen Matrix, die den Zustand in jede Richtung um 1,5 streckt. Rückwärts multipliziert jeder Zeitschritt den Gradienten mit W_hh über die aktiven Einheiten: hier etwa mit 1,15 pro Schritt, sodass 60 Zeitschritte den Gradienten bei t = 0 rund 4000-mal so groß machen wie im letzten Schritt, und die Gradientennorm liegt schon im ersten Schritt über tausend. Drücken Sie auf Start: Ein einziger einfacher SGD-Schritt dieser Größe wirft die Gewichte so weit, dass der nächste Schritt nicht endlich ist, und dieser Schritt wird abgelehnt; der Lauf hält mit einer Erklärung an.</translation>
    </message>
    <message>
        <source>Gradient clipping rescales the whole gradient whenever its norm exceeds a threshold, keeping its direction but bounding the step. The run starts again from the same weights, now with clipping at norm 1. Train: the clipped marker lights up on the spikes, no step is rejected, and the loss falls below 2.9, under the text&apos;s unigram entropy (3.09, what letter frequencies alone give), which the unclipped run never reached. The step only counts if the model is healthy too: fewer than half of its ReLU units dead and every hidden state below 100.</source>
        <translation>Gradientenbegrenzung (Clipping) skaliert den ganzen Gradienten herunter, sobald seine Norm eine Schwelle überschreitet: Die Richtung bleibt, der Schritt wird begrenzt. Der Lauf beginnt noch einmal mit denselben Gewichten, jetzt mit Begrenzung auf Norm 1. Trainieren Sie: Die Begrenzungsmarke leuchtet bei den Spitzen auf, kein Schritt wird abgelehnt, und der Verlust fällt unter 2,9, unter die Unigramm-Entropie des Texts (3,09, was Buchstabenhäufigkeiten allein ergeben), die der unbegrenzte Lauf nie erreicht hat. Der Schritt zählt nur, wenn das Modell auch gesund ist: weniger als die Hälfte seiner ReLU-Einheiten tot und jeder verborgene Zustand unter 100.</translation>
    </message>
    <message>
        <source>clipping at 1</source>
        <translation>Begrenzung auf 1</translation>
    </message>
    <message>
        <source>Clipping treats the symptom. Truncated BPTT shortens the product itself: backpropagating through only the last 20 steps multiplies the gradient by about 1.15^20, some 16, instead of 4000. This step turned clipping off and truncates BPTT at 20 steps: the largest gradient norm stays far below the first run&apos;s, no step is rejected, and the loss falls below 2.9 with the model healthy, as with clipping (its curve is the faded one). The price: the network can no longer learn dependencies longer than 20 steps.</source>
        <translation>Begrenzung behandelt das Symptom. Abgeschnittene BPTT verkürzt das Produkt selbst: Die Rückpropagation durch nur die letzten 20 Schritte multipliziert den Gradienten mit etwa 1,15^20, rund 16, statt mit 4000. Dieser Schritt hat die Begrenzung ausgeschaltet und schneidet BPTT nach 20 Schritten ab: Die größte Gradientennorm bleibt weit unter der des ersten Laufs, kein Schritt wird abgelehnt, und der Verlust fällt bei gesundem Modell unter 2,9, wie mit Begrenzung (deren Kurve ist die blasse). Der Preis: Abhängigkeiten über mehr als 20 Schritte kann das Netz nicht mehr lernen.</translation>
    </message>
    <message>
        <source>truncated BPTT 20</source>
        <translation>abgeschnittene BPTT 20</translation>
    </message>
    <message>
        <source>orthogonal RNN</source>
        <translation>orthogonales RNN</translation>
    </message>
    <message>
        <source>The IRNN (Le, Jaitly and Hinton, 2015) uses ReLU units and an identity recurrent matrix: without input, the state is copied unchanged from step to step, and so is the gradient. Its gradient at t = 0 is above 0.01, the largest in the sentence (the faded profile is the orthogonal RNN&apos;s); going back it even grows a little, which the charts call exploding. Nothing shrinks a growing state: at a learning rate of 0.0005 half of the units die within 100 steps. So this step trains at 0.0001 and counts only when the validation loss is below 3.0 and the model is healthy (the status below says how healthy).</source>
        <translation>Das IRNN (Le, Jaitly und Hinton, 2015) verwendet ReLU-Einheiten und eine rekurrente Einheitsmatrix: Ohne Eingabe wird der Zustand unverändert von Schritt zu Schritt kopiert, und ebenso der Gradient. Sein Gradient bei t = 0 liegt über 0,01 und ist der größte im Satz (das blasse Profil ist das des orthogonalen RNN); rückwärts wächst er sogar ein wenig, was die Diagramme explodierend nennen. Nichts lässt einen wachsenden Zustand schrumpfen: Bei einer Lernrate von 0,0005 stirbt innerhalb von 100 Schritten die Hälfte der Einheiten. Darum trainiert dieser Schritt mit 0,0001 und zählt erst, wenn der Validierungsverlust unter 3,0 liegt und das Modell gesund ist (wie gesund, steht darunter).</translation>
    </message>
    <message>
        <source>IRNN</source>
        <translation>IRNN</translation>
    </message>
    <message>
        <source>LSTM, forget bias 2</source>
        <translation>LSTM, Forget-Bias 2</translation>
    </message>
    <message>
        <source>GRU</source>
        <translation>GRU</translation>
    </message>
    <message>
        <source>tanh RNN</source>
        <translation>tanh-RNN</translation>
    </message>
    <message>
        <source>LSTM, forget bias 0</source>
        <translation>LSTM, Forget-Bias 0</translation>
    </message>
    <message>
        <source>LSTM, forget bias 3</source>
        <translation>LSTM, Forget-Bias 3</translation>
    </message>
    <message>
        <source>seed 1</source>
        <translation>Seed 1</translation>
    </message>
    <message>
        <source>Now the same model, the same task and the same budget of 1200 steps, with seed 6. This time the loss stays on the plateau near 0.17 for the whole budget. The loss surface of a recurrent network has plateaus, saddles and valleys; where gradient descent gets to within a budget depends on where it started. The faded curve is seed 1&apos;s run.</source>
        <translation>Nun dasselbe Modell, dieselbe Aufgabe und dasselbe Budget von 1200 Schritten, mit Seed 6. Diesmal bleibt der Verlust das ganze Budget über auf dem Plateau nahe 0,17. Die Verlustfläche eines rekurrenten Netzes hat Plateaus, Sattelpunkte und Täler; wohin der Gradientenabstieg innerhalb eines Budgets gelangt, hängt davon ab, wo er begonnen hat. Die blasse Kurve ist der Lauf mit Seed 1.</translation>
    </message>
    <message>
        <source>seed 6</source>
        <translation>Seed 6</translation>
    </message>
    <message>
        <source>Try a third seed, 3, and compare the three final losses: the faded curves are seeds 1 and 6. What the spread means in practice: one run proves little. To compare two architectures fairly, race them with the same seeds, or train each from several seeds and compare the spread, not the single best run.</source>
        <translation>Versuchen Sie einen dritten Seed, 3, und vergleichen Sie die drei Endverluste: Die blassen Kurven sind die Seeds 1 und 6. Was die Streuung in der Praxis bedeutet: Ein einzelner Lauf beweist wenig. Um zwei Architekturen fair zu vergleichen, lassen Sie sie mit denselben Seeds gegeneinander antreten, oder trainieren Sie jede mit mehreren Seeds und vergleichen Sie die Streuung, nicht den einzelnen besten Lauf.</translation>
    </message>
    <message>
        <source>seed 3</source>
        <translation>Seed 3</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>&apos;%1&apos; is not an address: expected HOST:PORT (as the probe printed) or unix:PATH</source>
        <translation>&apos;%1&apos; ist keine Adresse: erwartet HOST:PORT (wie die Sonde sie ausgegeben hat) oder unix:PFAD</translation>
    </message>
    <message>
        <source>cannot open &apos;%1&apos;: %2; check the path</source>
        <translation>&apos;%1&apos; lässt sich nicht öffnen: %2; prüfen Sie den Pfad</translation>
    </message>
    <message>
        <source>the connection to %1 failed: %2; check the address the probe printed and that the training still runs</source>
        <translation>die Verbindung zu %1 ist fehlgeschlagen: %2; prüfen Sie die Adresse, die die Sonde ausgegeben hat, und ob das Training noch läuft</translation>
    </message>
</context>
<context>
    <name>RunSpec</name>
    <message>
        <source>Vanishing: a tanh RNN on the adding problem; the gradient fades before it reaches the marked steps.</source>
        <translation>Verschwindend: ein tanh-RNN auf dem Additionsproblem; der Gradient verblasst, bevor er die markierten Schritte erreicht.</translation>
    </message>
    <message>
        <source>Exploding: strong recurrent weights and SGD without clipping; gradient spikes.</source>
        <translation>Explodierend: starke rekurrente Gewichte und SGD ohne Begrenzung; Gradientenspitzen.</translation>
    </message>
    <message>
        <source>LSTM: the same adding problem, solved by gates that keep the signal alive.</source>
        <translation>LSTM: dasselbe Additionsproblem, gelöst von Gates, die das Signal am Leben halten.</translation>
    </message>
    <message>
        <source>Text: a character-level LSTM language model on the built-in prose.</source>
        <translation>Text: ein zeichenbasiertes LSTM-Sprachmodell auf dem eingebauten Text.</translation>
    </message>
    <message>
        <source>Language: remember the country across the filler to name its language.</source>
        <translation type="vanished">Sprache: das Land über den Füllsatz hinweg behalten, um seine Sprache zu nennen.</translation>
    </message>
    <message>
        <source>Sine: forecast a noisy sum of sines, one step and many steps ahead.</source>
        <translation>Sinus: eine verrauschte Summe von Sinuswellen vorhersagen, einen und viele Schritte voraus.</translation>
    </message>
    <message>
        <source>Choose a text file first.</source>
        <translation type="vanished">Wählen Sie zuerst eine Textdatei.</translation>
    </message>
    <message>
        <source>Choose a CSV file first.</source>
        <translation>Wählen Sie zuerst eine CSV-Datei.</translation>
    </message>
    <message>
        <source>Language: &quot;I am from Nepal. … I can speak Nepali.&quot; Remember the country across the filler to name its language (the Connectivity tab shows what the answer depends on).</source>
        <translation>Sprache: &quot;I am from Nepal. … I can speak Nepali.&quot; Das Land über den Füllwörtern hinweg behalten, um seine Sprache zu nennen (der Reiter Konnektivität zeigt, wovon die Antwort abhängt).</translation>
    </message>
</context>
<context>
    <name>TaskRegistry</name>
    <message>
        <source>Text (character language model)</source>
        <translation>Text (Zeichen-Sprachmodell)</translation>
    </message>
    <message>
        <source>Predict the next character of a text; its last tenth is held out for validation.</source>
        <translation>Das nächste Zeichen eines Textes vorhersagen; sein letztes Zehntel wird für die Validierung zurückgehalten.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>A UTF-8 text file; none: the built-in sample</source>
        <translation>Eine UTF-8-Textdatei; keine: der eingebaute Text</translation>
    </message>
    <message>
        <source>Language task (long-range memory)</source>
        <translation>Sprachaufgabe (Langzeitgedächtnis)</translation>
    </message>
    <message>
        <source>&quot;I am from &lt;country&gt;. &lt;filler&gt; I can speak &lt;language&gt;.&quot; Only the language word is scored: the network must carry the country across the filler.</source>
        <translation>„I am from &lt;country&gt;. &lt;filler&gt; I can speak &lt;language&gt;.“ Nur das Wort der Sprache wird bewertet: Das Netz muss das Land über den Füllsatz hinweg tragen.</translation>
    </message>
    <message>
        <source>Filler length</source>
        <translation>Fülllänge</translation>
    </message>
    <message>
        <source>Filler characters between the country and &quot;I can speak&quot;: the distance the memory must span</source>
        <translation>Füllzeichen zwischen dem Land und „I can speak“: die Strecke, die das Gedächtnis überbrücken muss</translation>
    </message>
    <message>
        <source>Scoring</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>What training scores: the language word only, or every character</source>
        <translation>Was das Training bewertet: nur das Wort der Sprache oder jedes Zeichen</translation>
    </message>
    <message>
        <source>Copy task</source>
        <translation>Kopieraufgabe</translation>
    </message>
    <message>
        <source>Read the symbols, wait through the lag, then write them back; the sequence length is twice the symbols plus the lag. Chance accuracy is one over the alphabet size.</source>
        <translation>Die Symbole lesen, die Verzögerung abwarten, dann die Symbole wieder ausgeben; die Sequenzlänge ist zweimal die Symbole plus die Verzögerung. Die Zufallsgenauigkeit ist eins durch die Alphabetgröße.</translation>
    </message>
    <message>
        <source>Lag</source>
        <translation>Verzögerung</translation>
    </message>
    <message>
        <source>Blank steps between reading the symbols and writing them back</source>
        <translation>Leere Schritte zwischen dem Lesen der Symbole und ihrer Ausgabe</translation>
    </message>
    <message>
        <source>Symbols</source>
        <translation>Symbole</translation>
    </message>
    <message>
        <source>Symbols to read and write back</source>
        <translation>Zu lesende und wieder auszugebende Symbole</translation>
    </message>
    <message>
        <source>Alphabet</source>
        <translation>Alphabet</translation>
    </message>
    <message>
        <source>Distinct symbols they are drawn from</source>
        <translation>Verschiedene Symbole, aus denen sie gezogen werden</translation>
    </message>
    <message>
        <source>Adding problem</source>
        <translation>Additionsproblem</translation>
    </message>
    <message>
        <source>Output the sum of the two marked values at the last step. Predicting the mean gives MSE 1/6, about 0.167.</source>
        <translation>Im letzten Schritt die Summe der beiden markierten Werte ausgeben. Wer nur den Mittelwert vorhersagt, erreicht MSE 1/6, etwa 0,167.</translation>
    </message>
    <message>
        <source>Length T</source>
        <translation>Länge T</translation>
    </message>
    <message>
        <source>Steps per sequence; the first marked value can lie T-1 steps back</source>
        <translation>Schritte pro Sequenz; der erste markierte Wert kann T-1 Schritte zurückliegen</translation>
    </message>
    <message>
        <source>Sine waves (sum of sines with noise)</source>
        <translation>Sinuswellen (Summe von Sinuswellen mit Rauschen)</translation>
    </message>
    <message>
        <source>Series: predict the next value; the last part is held out for validation and forecasting, normalised with training statistics only.</source>
        <translation>Reihe: den nächsten Wert vorhersagen; der letzte Teil wird für Validierung und Prognose zurückgehalten, normiert nur mit Statistiken des Trainingsteils.</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <source>Length of the generated series</source>
        <translation>Länge der erzeugten Reihe</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>Komponenten</translation>
    </message>
    <message>
        <source>Sines summed, with periods from 8 to 64 steps</source>
        <translation>Summierte Sinuswellen, mit Perioden von 8 bis 64 Schritten</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>Rauschen</translation>
    </message>
    <message>
        <source>Standard deviation of the added noise</source>
        <translation>Standardabweichung des hinzugefügten Rauschens</translation>
    </message>
    <message>
        <source>Series seed</source>
        <translation>Seed der Reihe</translation>
    </message>
    <message>
        <source>Seed of the generated series (not of training)</source>
        <translation>Seed der erzeugten Reihe (nicht des Trainings)</translation>
    </message>
    <message>
        <source>Validation fraction</source>
        <translation>Validierungsanteil</translation>
    </message>
    <message>
        <source>The last part of the series, held out for validation and forecasting</source>
        <translation>Der letzte Teil der Reihe, zurückgehalten für Validierung und Prognose</translation>
    </message>
    <message>
        <source>Stock price (geometric Brownian motion)</source>
        <translation>Aktienkurs (geometrische Brownsche Bewegung)</translation>
    </message>
    <message>
        <source>Drift</source>
        <translation>Drift</translation>
    </message>
    <message>
        <source>Yearly drift of the price</source>
        <translation>Jährliche Drift des Kurses</translation>
    </message>
    <message>
        <source>Volatility</source>
        <translation>Volatilität</translation>
    </message>
    <message>
        <source>Yearly volatility of the price</source>
        <translation>Jährliche Volatilität des Kurses</translation>
    </message>
    <message>
        <source>CSV time series</source>
        <translation>CSV-Zeitreihe</translation>
    </message>
    <message>
        <source>A CSV file with one row per time point</source>
        <translation>Eine CSV-Datei mit einer Zeile pro Zeitpunkt</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Value columns by name or number (1 is the first), comma-separated; none: every column but the date</source>
        <translation>Wertspalten nach Name oder Nummer (1 ist die erste), durch Kommas getrennt; keine: jede Spalte außer dem Datum</translation>
    </message>
    <message>
        <source>Date column</source>
        <translation>Datumsspalte</translation>
    </message>
    <message>
        <source>Name or number of a date or label column, kept as text; none: detected</source>
        <translation>Name oder Nummer einer Datums- oder Beschriftungsspalte, als Text behalten; keine: erkannt</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Kopfzeile</translation>
    </message>
    <message>
        <source>Whether the first row names the columns</source>
        <translation>Ob die erste Zeile die Spalten benennt</translation>
    </message>
    <message>
        <source>Missing values</source>
        <translation>Fehlende Werte</translation>
    </message>
    <message>
        <source>An empty or NA cell: an error, skip its row, or repeat the previous value</source>
        <translation>Eine leere oder NA-Zelle: ein Fehler, ihre Zeile überspringen oder den vorigen Wert wiederholen</translation>
    </message>
    <message>
        <source>Delimiter</source>
        <translation>Trennzeichen</translation>
    </message>
    <message>
        <source>One character, or tab; none: detected from the first line</source>
        <translation>Ein Zeichen oder tab; keines: aus der ersten Zeile erkannt</translation>
    </message>
    <message>
        <source>Maximum rows</source>
        <translation>Höchstzahl Zeilen</translation>
    </message>
    <message>
        <source>Refuse a longer file rather than exhaust memory</source>
        <translation>Eine längere Datei ablehnen, statt den Speicher zu erschöpfen</translation>
    </message>
</context>
<context>
    <name>unroll::gui::AttachActions</name>
    <message>
        <source>Scrub through the recorded run: the views show it as at that step</source>
        <translation>Im aufgezeichneten Lauf springen: die Ansichten zeigen ihn wie bei diesem Schritt</translation>
    </message>
    <message>
        <source>Which rank of the distributed run the views show</source>
        <translation>Welchen Rang des verteilten Laufs die Ansichten zeigen</translation>
    </message>
    <message>
        <source>The run&apos;s stream stopped: %1</source>
        <translation>Der Datenstrom des Laufs hat aufgehört: %1</translation>
    </message>
    <message>
        <source>Attach to run…</source>
        <translation>Mit Lauf verbinden…</translation>
    </message>
    <message>
        <source>Detach from run</source>
        <translation>Vom Lauf trennen</translation>
    </message>
    <message>
        <source>Attach to a PyTorch run</source>
        <translation>Mit einem PyTorch-Lauf verbinden</translation>
    </message>
    <message>
        <source>The address and token that unroll_probe printed when the training started, or a stream file it recorded.</source>
        <translation>Die Adresse und das Token, die unroll_probe beim Start des Trainings ausgegeben hat, oder eine von ihr aufgezeichnete Stream-Datei.</translation>
    </message>
    <message>
        <source>127.0.0.1:PORT or unix:PATH</source>
        <translation>127.0.0.1:PORT oder unix:PFAD</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <source>Open stream file…</source>
        <translation>Stream-Datei öffnen…</translation>
    </message>
    <message>
        <source>Open a probe stream</source>
        <translation>Einen Sonden-Stream öffnen</translation>
    </message>
    <message>
        <source>Probe streams (*.ups);;All files (*)</source>
        <translation>Sonden-Streams (*.ups);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>rank %1</source>
        <translation>Rang %1</translation>
    </message>
    <message>
        <source>; across %1 ranks at step %2: loss %3 to %4, gradient norm %5 to %6</source>
        <translation>; über %1 Ränge bei Schritt %2: Verlust %3 bis %4, Gradientennorm %5 bis %6</translation>
    </message>
</context>
<context>
    <name>unroll::gui::ChartView</name>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
</context>
<context>
    <name>unroll::gui::ConnectivityView</name>
    <message>
        <source>&lt;b&gt;Connectivity&lt;/b&gt; — how much one prediction depends on each earlier input: ‖∂L&lt;sub&gt;t&lt;/sub&gt;/∂x&lt;sub&gt;k&lt;/sub&gt;‖, on the task&apos;s example sequence. The darker a character, the more the prediction in the blue frame depends on it.</source>
        <translation type="vanished">&lt;b&gt;Konnektivität&lt;/b&gt; — wie stark eine Vorhersage von jeder früheren Eingabe abhängt: ‖∂L&lt;sub&gt;t&lt;/sub&gt;/∂x&lt;sub&gt;k&lt;/sub&gt;‖, auf der Beispielsequenz der Aufgabe. Je dunkler ein Zeichen, desto stärker hängt die Vorhersage im blauen Rahmen davon ab.</translation>
    </message>
    <message>
        <source>Prediction:</source>
        <translation>Vorhersage:</translation>
    </message>
    <message>
        <source>The output position to explain</source>
        <translation>Die zu erklärende Ausgabeposition</translation>
    </message>
    <message>
        <source>input %1 comes after prediction %2: no dependence</source>
        <translation>Eingabe %1 kommt nach Vorhersage %2: keine Abhängigkeit</translation>
    </message>
    <message>
        <source>prediction after t = %1, input k = %2 %3&lt;br&gt;‖∂L/∂x‖ = %4</source>
        <translation>Vorhersage nach t = %1, Eingabe k = %2 %3&lt;br&gt;‖∂L/∂x‖ = %4</translation>
    </message>
    <message>
        <source>The first map appears after the first step.</source>
        <translation>Die erste Karte erscheint nach dem ersten Schritt.</translation>
    </message>
    <message>
        <source>Every prediction against every input appears here.</source>
        <translation>Hier erscheint jede Vorhersage gegen jede Eingabe.</translation>
    </message>
    <message>
        <source>after t = %1, predicting &apos;%2&apos;</source>
        <translation>nach t = %1, sagt &apos;%2&apos; vorher</translation>
    </message>
    <message>
        <source>Step %1: the strongest dependence is on input %2 %3.</source>
        <translation>Schritt %1: Am stärksten hängt sie von Eingabe %2 %3 ab.</translation>
    </message>
    <message>
        <source>%1% of it lies on the country&apos;s %2 characters (their share of the inputs: %3%).</source>
        <translation>%1 % davon liegen auf den %2 Zeichen des Landes (ihr Anteil an den Eingaben: %3 %).</translation>
    </message>
    <message>
        <source>prediction × input (grey: later inputs)</source>
        <translation>Vorhersage × Eingabe (grau: spätere Eingaben)</translation>
    </message>
    <message>
        <source>input k</source>
        <translation>Eingabe k</translation>
    </message>
    <message>
        <source>prediction p</source>
        <translation>Vorhersage p</translation>
    </message>
    <message>
        <source>‖∂L/∂x‖</source>
        <translation>‖∂L/∂x‖</translation>
    </message>
    <message>
        <source>&lt;b&gt;Connectivity&lt;/b&gt; ‖∂L&lt;sub&gt;t&lt;/sub&gt;/∂x&lt;sub&gt;k&lt;/sub&gt;‖ — the darker an input, the more the prediction in the blue frame depends on it</source>
        <translation>&lt;b&gt;Konnektivität&lt;/b&gt; ‖∂L&lt;sub&gt;t&lt;/sub&gt;/∂x&lt;sub&gt;k&lt;/sub&gt;‖ — je dunkler eine Eingabe, desto stärker hängt die Vorhersage im blauen Rahmen davon ab</translation>
    </message>
</context>
<context>
    <name>unroll::gui::DataPanel</name>
    <message>
        <source>all columns</source>
        <translation>alle Spalten</translation>
    </message>
    <message>
        <source>Built-in text (character language model)</source>
        <translation type="vanished">Eingebauter Text (Zeichen-Sprachmodell)</translation>
    </message>
    <message>
        <source>no file chosen</source>
        <translation>keine Datei gewählt</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message>
        <source>Steps between the marked values and the answer: 2 to 5000</source>
        <translation type="vanished">Schritte zwischen den markierten Werten und der Antwort: 2 bis 5000</translation>
    </message>
    <message>
        <source>Open a CSV time series</source>
        <translation>CSV-Zeitreihe öffnen</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>CSV-Dateien (*.csv *.tsv *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot read this CSV file</source>
        <translation>Diese CSV-Datei kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Adding problem: output the sum of the two marked values at the last step. Predicting the mean gives MSE 1/6 ≈ 0.167.</source>
        <translation type="vanished">Additionsproblem: im letzten Schritt die Summe der beiden markierten Werte ausgeben. Wer nur den Mittelwert vorhersagt, erreicht MSE 1/6 ≈ 0,167.</translation>
    </message>
    <message>
        <source>Open a text file</source>
        <translation>Textdatei öffnen</translation>
    </message>
    <message>
        <source>Task:</source>
        <translation>Aufgabe:</translation>
    </message>
    <message>
        <source>Text file (character language model)</source>
        <translation type="vanished">Textdatei (Zeichen-Sprachmodell)</translation>
    </message>
    <message>
        <source>Language task (long-range memory)</source>
        <translation type="vanished">Sprachaufgabe (Langzeitgedächtnis)</translation>
    </message>
    <message>
        <source>Adding problem</source>
        <translation type="vanished">Additionsproblem</translation>
    </message>
    <message>
        <source>Copy task</source>
        <translation type="vanished">Kopieraufgabe</translation>
    </message>
    <message>
        <source>Sine waves (sum of sines with noise)</source>
        <translation type="vanished">Sinuswellen (Summe von Sinuswellen mit Rauschen)</translation>
    </message>
    <message>
        <source>Stock price (geometric Brownian motion)</source>
        <translation type="vanished">Aktienkurs (geometrische brownsche Bewegung)</translation>
    </message>
    <message>
        <source>CSV time series</source>
        <translation type="vanished">CSV-Zeitreihe</translation>
    </message>
    <message>
        <source>Filler characters between the country and &quot;I can speak&quot;: the distance the memory must span</source>
        <translation type="vanished">Füllzeichen zwischen dem Land und „I can speak“: die Strecke, die das Gedächtnis überbrücken muss</translation>
    </message>
    <message>
        <source>Blank steps between reading the symbols and writing them back</source>
        <translation type="vanished">Leerschritte zwischen dem Lesen der Symbole und ihrer Wiedergabe</translation>
    </message>
    <message>
        <source>The column to forecast</source>
        <translation type="vanished">Die vorherzusagende Spalte</translation>
    </message>
    <message>
        <source>File:</source>
        <translation type="vanished">Datei:</translation>
    </message>
    <message>
        <source>Filler length:</source>
        <translation type="vanished">Fülllänge:</translation>
    </message>
    <message>
        <source>Length T:</source>
        <translation type="vanished">Länge T:</translation>
    </message>
    <message>
        <source>Lag:</source>
        <translation type="vanished">Verzögerung:</translation>
    </message>
    <message>
        <source>Column:</source>
        <translation type="vanished">Spalte:</translation>
    </message>
    <message>
        <source>Text files (*.txt *.md);;All files (*)</source>
        <translation>Textdateien (*.txt *.md);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&quot;I am from &lt;country&gt;. &lt;filler&gt; I can speak &lt;language&gt;.&quot; Only the language word is scored: the network must carry the country across the filler.</source>
        <translation type="vanished">„I am from &lt;Land&gt;. &lt;Füllsatz&gt; I can speak &lt;Sprache&gt;.“ Bewertet wird nur das Sprachwort: Das Netz muss das Land über den Füllsatz hinweg tragen.</translation>
    </message>
    <message>
        <source>Copy task: read %1 symbols, wait through the lag, then write them back. Chance accuracy is 1/8.</source>
        <translation type="vanished">Kopieraufgabe: %1 Symbole lesen, die Verzögerung abwarten, dann wiedergeben. Die Zufallsgenauigkeit ist 1/8.</translation>
    </message>
    <message>
        <source>Series: predict the next value; the last 20% is held out for validation and forecasting, normalised with training statistics only.</source>
        <translation type="vanished">Zeitreihe: den nächsten Wert vorhersagen; die letzten 20 % bleiben für Validierung und Vorhersage zurück, normiert nur mit Statistiken der Trainingsdaten.</translation>
    </message>
</context>
<context>
    <name>unroll::gui::DynamicsPanel</name>
    <message>
        <source>No probe yet.</source>
        <translation type="vanished">Noch keine Messung.</translation>
    </message>
    <message>
        <source>%1% of ReLU units are dead: they pass no gradient at all.</source>
        <translation type="vanished">%1 % der ReLU-Einheiten sind tot: Sie leiten keinen Gradienten weiter.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Dynamics&lt;/b&gt; — how W_hh stretches signals</source>
        <translation>&lt;b&gt;Dynamik&lt;/b&gt; – wie W_hh Signale streckt</translation>
    </message>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>training step</source>
        <translation>Trainingsschritt</translation>
    </message>
    <message>
        <source>forget gates are open (%1)</source>
        <translation type="vanished">Vergessens-Gates sind offen (%1)</translation>
    </message>
    <message>
        <source>forget gates are %1 on average</source>
        <translation type="vanished">Vergessens-Gates liegen im Mittel bei %1</translation>
    </message>
    <message>
        <source>%1% of units are saturated, where tanh′ ≈ 0</source>
        <translation type="vanished">%1 % der Einheiten sind gesättigt, dort ist tanh′ ≈ 0</translation>
    </message>
    <message>
        <source>W_hh shrinks signals (ρ %1 &lt; 1)</source>
        <translation type="vanished">W_hh schrumpft Signale (ρ %1 &lt; 1)</translation>
    </message>
    <message>
        <source>W_hh stretches signals (ρ %1 &gt; 1)</source>
        <translation type="vanished">W_hh streckt Signale (ρ %1 &gt; 1)</translation>
    </message>
    <message>
        <source>ρ %1 ≈ 1</source>
        <translation type="vanished">ρ %1 ≈ 1</translation>
    </message>
    <message>
        <source>ρ %1 ≈ 1, but tanh′ &lt; 1 damps every step</source>
        <translation type="vanished">ρ %1 ≈ 1, aber tanh′ &lt; 1 dämpft jeden Schritt</translation>
    </message>
    <message>
        <source>Vanishing gradients: each step back keeps ×%1 of the signal (%2).</source>
        <translation type="vanished">Verschwindende Gradienten: Jeder Schritt zurück behält ×%1 des Signals (%2).</translation>
    </message>
    <message>
        <source>Exploding gradients: each step back multiplies the signal by ×%1 (%2); clip them.</source>
        <translation type="vanished">Explodierende Gradienten: Jeder Schritt zurück multipliziert das Signal mit ×%1 (%2); begrenzen Sie sie.</translation>
    </message>
    <message>
        <source>Gradients keep their size through time (×%1 per step, %2): long dependencies are learnable.</source>
        <translation type="vanished">Gradienten behalten ihre Größe über die Zeit (×%1 pro Schritt, %2): Lange Abhängigkeiten sind lernbar.</translation>
    </message>
    <message>
        <source>Recurrent weights shrink signals (ρ %1 &lt; 1): expect vanishing gradients.</source>
        <translation type="vanished">Rekurrente Gewichte schrumpfen Signale (ρ %1 &lt; 1): verschwindende Gradienten zu erwarten.</translation>
    </message>
    <message>
        <source>Recurrent weights stretch signals (ρ %1 &gt; 1): expect exploding gradients; clip them.</source>
        <translation type="vanished">Rekurrente Gewichte strecken Signale (ρ %1 &gt; 1): explodierende Gradienten zu erwarten; begrenzen Sie sie.</translation>
    </message>
    <message>
        <source>Signals keep their size (%1).</source>
        <translation type="vanished">Signale behalten ihre Größe (%1).</translation>
    </message>
    <message>
        <source>ρ, σ_max of W_hh</source>
        <translation>ρ, σ_max von W_hh</translation>
    </message>
    <message>
        <source>ρ = 1</source>
        <translation>ρ = 1</translation>
    </message>
    <message>
        <source>ρ, layer %1</source>
        <translation>ρ, Schicht %1</translation>
    </message>
    <message>
        <source>σ_max, layer %1</source>
        <translation>σ_max, Schicht %1</translation>
    </message>
    <message>
        <source>Probes run every few steps once training starts.</source>
        <translation>Messungen laufen alle paar Schritte, sobald das Training beginnt.</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>Schritt %1</translation>
    </message>
    <message>
        <source>ρ %1</source>
        <translation>ρ %1</translation>
    </message>
    <message>
        <source>σ_max %1</source>
        <translation>σ_max %1</translation>
    </message>
    <message>
        <source>saturated %1%</source>
        <translation>gesättigt %1 %</translation>
    </message>
    <message>
        <source>dead %1%</source>
        <translation>tot %1 %</translation>
    </message>
    <message>
        <source>gates i %1 · f %2 · o %3</source>
        <translation>Gates i %1 · f %2 · o %3</translation>
    </message>
    <message>
        <source>gates r %1 · z %2</source>
        <translation>Gates r %1 · z %2</translation>
    </message>
</context>
<context>
    <name>unroll::gui::FileActions</name>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation>%1 wird gespeichert…</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>%1 wird exportiert…</translation>
    </message>
    <message>
        <source>Recovering the autosaved run…</source>
        <translation>Der automatisch gesicherte Lauf wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>Weights for PyTorch (safetensors)…</source>
        <translation>Gewichte für PyTorch (safetensors)…</translation>
    </message>
    <message>
        <source>ONNX model…</source>
        <translation>ONNX-Modell…</translation>
    </message>
    <message>
        <source>Metrics (CSV)…</source>
        <translation>Messwerte (CSV)…</translation>
    </message>
    <message>
        <source>Timestep gradients (CSV)…</source>
        <translation>Gradienten je Zeitschritt (CSV)…</translation>
    </message>
    <message>
        <source>Cannot open checkpoint</source>
        <translation>Checkpoint kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Opened %1 at step %2</source>
        <translation>%1 bei Schritt %2 geöffnet</translation>
    </message>
    <message>
        <source>Save checkpoint</source>
        <translation>Checkpoint speichern</translation>
    </message>
    <message>
        <source>run.unroll</source>
        <translation>lauf.unroll</translation>
    </message>
    <message>
        <source>Unroll checkpoints (*.unroll)</source>
        <translation>Unroll-Checkpoints (*.unroll)</translation>
    </message>
    <message>
        <source>Cannot save checkpoint</source>
        <translation>Checkpoint kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Saved %1 at step %2</source>
        <translation>%1 bei Schritt %2 gespeichert</translation>
    </message>
    <message>
        <source>Export weights for PyTorch</source>
        <translation>Gewichte für PyTorch exportieren</translation>
    </message>
    <message>
        <source>safetensors (*.safetensors)</source>
        <translation>safetensors (*.safetensors)</translation>
    </message>
    <message>
        <source>Export ONNX model</source>
        <translation>ONNX-Modell exportieren</translation>
    </message>
    <message>
        <source>ONNX models (*.onnx)</source>
        <translation>ONNX-Modelle (*.onnx)</translation>
    </message>
    <message>
        <source>Export metrics</source>
        <translation>Messwerte exportieren</translation>
    </message>
    <message>
        <source>Export timestep gradients</source>
        <translation>Gradienten je Zeitschritt exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>Export nicht möglich</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <source>Cannot recover the autosaved run</source>
        <translation>Der automatisch gespeicherte Lauf kann nicht wiederhergestellt werden</translation>
    </message>
    <message>
        <source>Recovered the autosaved run at step %1</source>
        <translation>Automatisch gespeicherten Lauf bei Schritt %1 wiederhergestellt</translation>
    </message>
    <message>
        <source>%1[*] — Unroll</source>
        <translation>%1[*] — Unroll</translation>
    </message>
</context>
<context>
    <name>unroll::gui::ForecastView</name>
    <message>
        <source>%1% better</source>
        <translation>%1 % besser</translation>
    </message>
    <message>
        <source>%1% worse</source>
        <translation>%1 % schlechter</translation>
    </message>
    <message>
        <source>&lt;b&gt;Forecast&lt;/b&gt; over the validation range</source>
        <translation>&lt;b&gt;Vorhersage&lt;/b&gt; über den Validierungsbereich</translation>
    </message>
    <message>
        <source>Horizon</source>
        <translation>Horizont</translation>
    </message>
    <message>
        <source>Steps of each free-running forecast (its own predictions fed back)</source>
        <translation>Schritte jeder frei laufenden Vorhersage (die eigenen Vorhersagen werden zurückgeführt)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>While training runs, forecast again this often</source>
        <translation>Während das Training läuft, so oft neu vorhersagen</translation>
    </message>
    <message>
        <source>Show the first</source>
        <translation>Die ersten</translation>
    </message>
    <message>
        <source> points</source>
        <translation> Punkte zeigen</translation>
    </message>
    <message>
        <source>How much of the validation range the chart shows; hover for values</source>
        <translation>Wie viel des Validierungsbereichs das Diagramm zeigt; Werte beim Überfahren mit der Maus</translation>
    </message>
    <message>
        <source>Forecast now</source>
        <translation>Jetzt vorhersagen</translation>
    </message>
    <message>
        <source>t</source>
        <translation>t</translation>
    </message>
    <message>
        <source>time step</source>
        <translation>Zeitschritt</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>truth</source>
        <translation>Wahrheit</translation>
    </message>
    <message>
        <source>one-step forecast</source>
        <translation>Ein-Schritt-Vorhersage</translation>
    </message>
    <message>
        <source>free-running forecast</source>
        <translation>frei laufende Vorhersage</translation>
    </message>
    <message>
        <source>Train a little, then forecast; it refreshes while training runs.</source>
        <translation>Etwas trainieren, dann vorhersagen; während des Trainings wird aktualisiert.</translation>
    </message>
    <message>
        <source>Forecasting needs a series task (sine, stock or CSV).</source>
        <translation>Vorhersagen brauchen eine Zeitreihen-Aufgabe (Sinus, Aktie oder CSV).</translation>
    </message>
    <message>
        <source>Forecast of the model at step %1.</source>
        <translation>Vorhersage des Modells bei Schritt %1.</translation>
    </message>
    <message>
        <source>RMSE</source>
        <translation>RMSE</translation>
    </message>
    <message>
        <source>naive</source>
        <translation>naiv</translation>
    </message>
    <message>
        <source>MAE</source>
        <translation>MAE</translation>
    </message>
    <message>
        <source>one step</source>
        <translation>ein Schritt</translation>
    </message>
    <message>
        <source>%1 steps</source>
        <translation>%1 Schritte</translation>
    </message>
    <message>
        <source>Naive: repeat the last known value.</source>
        <translation>Naiv: den letzten bekannten Wert wiederholen.</translation>
    </message>
</context>
<context>
    <name>unroll::gui::GradHeatmap</name>
    <message>
        <source>&lt;b&gt;Gradient heatmap&lt;/b&gt; — ‖∂L/∂hₜ‖ per timestep over training</source>
        <translation>&lt;b&gt;Gradienten-Heatmap&lt;/b&gt; – ‖∂L/∂hₜ‖ je Zeitschritt über das Training</translation>
    </message>
    <message>
        <source>Gradients appear here once training runs.</source>
        <translation>Gradienten erscheinen hier, sobald das Training läuft.</translation>
    </message>
    <message>
        <source>training step</source>
        <translation>Trainingsschritt</translation>
    </message>
    <message>
        <source>timestep t</source>
        <translation>Zeitschritt t</translation>
    </message>
    <message>
        <source>‖∂L/∂hₜ‖</source>
        <translation>‖∂L/∂hₜ‖</translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation>Schicht %1</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>Schritt %1</translation>
    </message>
    <message>
        <source>steps %1–%2</source>
        <translation>Schritte %1–%2</translation>
    </message>
    <message>
        <source>%1, t = %2&lt;br&gt;‖∂L/∂hₜ‖ = %3</source>
        <translation>%1, t = %2&lt;br&gt;‖∂L/∂hₜ‖ = %3</translation>
    </message>
    <message>
        <source>no gradient</source>
        <translation>kein Gradient</translation>
    </message>
    <message>
        <source>grey: no gradient reached that step (after the loss, or before a truncation cut)</source>
        <translation type="vanished">grau: kein Gradient hat diesen Schritt erreicht (nach dem Verlust oder vor einem Abschneiden)</translation>
    </message>
    <message>
        <source>grey: no gradient reached</source>
        <translation>grau: kein Gradient</translation>
    </message>
</context>
<context>
    <name>unroll::gui::GradNormChart</name>
    <message>
        <source>&lt;b&gt;Gradient norm&lt;/b&gt;</source>
        <translation>&lt;b&gt;Gradientennorm&lt;/b&gt;</translation>
    </message>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>training step</source>
        <translation>Trainingsschritt</translation>
    </message>
    <message>
        <source>‖∇L‖ (log)</source>
        <translation>‖∇L‖ (log)</translation>
    </message>
    <message>
        <source>unclipped (max)</source>
        <translation>unbegrenzt (Max.)</translation>
    </message>
    <message>
        <source>clipped</source>
        <translation>begrenzt</translation>
    </message>
    <message>
        <source>clip events</source>
        <translation>Begrenzungen</translation>
    </message>
    <message>
        <source>threshold</source>
        <translation>Schwelle</translation>
    </message>
    <message>
        <source>clipped in %1% of steps</source>
        <translation>in %1 % der Schritte begrenzt</translation>
    </message>
</context>
<context>
    <name>unroll::gui::HiddenHeatmap</name>
    <message>
        <source>&lt;b&gt;Hidden state&lt;/b&gt; — one sequence of the latest step</source>
        <translation>&lt;b&gt;Versteckter Zustand&lt;/b&gt; – eine Sequenz des letzten Schritts</translation>
    </message>
    <message>
        <source>Layer to show</source>
        <translation>Anzuzeigende Schicht</translation>
    </message>
    <message>
        <source>Hidden states appear here after the first step.</source>
        <translation>Versteckte Zustände erscheinen hier nach dem ersten Schritt.</translation>
    </message>
    <message>
        <source>unit %1, t = %2&lt;br&gt;h = %3&lt;br&gt;input: %4</source>
        <translation>Einheit %1, t = %2&lt;br&gt;h = %3&lt;br&gt;Eingabe: %4</translation>
    </message>
    <message>
        <source>%1 (marked)</source>
        <translation>%1 (markiert)</translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation>Schicht %1</translation>
    </message>
    <message>
        <source>timestep t</source>
        <translation>Zeitschritt t</translation>
    </message>
    <message>
        <source>hidden unit</source>
        <translation>versteckte Einheit</translation>
    </message>
    <message>
        <source>h</source>
        <translation>h</translation>
    </message>
</context>
<context>
    <name>unroll::gui::LengthSweepView</name>
    <message>
        <source>&lt;b&gt;Exact translations against sentence length&lt;/b&gt;</source>
        <translation>&lt;b&gt;Exakte Übersetzungen über der Satzlänge&lt;/b&gt;</translation>
    </message>
    <message>
        <source>length</source>
        <translation>Länge</translation>
    </message>
    <message>
        <source>source length (task&apos;s length parameter)</source>
        <translation>Quelllänge (Längenparameter der Aufgabe)</translation>
    </message>
    <message>
        <source>exact translations (validation)</source>
        <translation type="vanished">exakte Übersetzungen (Validierung)</translation>
    </message>
    <message>
        <source>attention</source>
        <translation>Attention</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>exakt</translation>
    </message>
    <message>
        <source>BLEU</source>
        <translation>BLEU</translation>
    </message>
    <message>
        <source>token accuracy</source>
        <translation>Token-Genauigkeit</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>Run a sweep: one model per length and attention kind, the same budget and seed for each.</source>
        <translation>Starten Sie einen Durchlauf: ein Modell je Länge und Attention-Art, jedes mit demselben Budget und Seed.</translation>
    </message>
    <message>
        <source>%1 of %2 runs done (%3 steps each).</source>
        <translation>%1 von %2 Läufen fertig (je %3 Schritte).</translation>
    </message>
    <message>
        <source>%1 %2%</source>
        <translation>%1 %2%</translation>
    </message>
    <message>
        <source>Done. At length %1: %2.</source>
        <translation>Fertig. Bei Länge %1: %2.</translation>
    </message>
    <message>
        <source>exact translations (validation, %)</source>
        <translation>exakte Übersetzungen (Validierung, %)</translation>
    </message>
</context>
<context>
    <name>unroll::gui::LessonPanel</name>
    <message>
        <source>◂ Previous</source>
        <translation>◂ Zurück</translation>
    </message>
    <message>
        <source>Next ▸</source>
        <translation>Weiter ▸</translation>
    </message>
    <message>
        <source>gradient at t=0 / largest</source>
        <translation>Gradient bei t=0 / größter</translation>
    </message>
    <message>
        <source>Skip ▸</source>
        <translation>Überspringen ▸</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>Schritt %1 von %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your action:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Ihre Aufgabe:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Cannot build this step&apos;s model: %1</source>
        <translation>Das Modell dieses Schritts lässt sich nicht bauen: %1</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation>Validierungsverlust</translation>
    </message>
    <message>
        <source>gradient norm</source>
        <translation>Gradientennorm</translation>
    </message>
    <message>
        <source>gradient at t=0</source>
        <translation>Gradient bei t=0</translation>
    </message>
    <message>
        <source>spectral radius</source>
        <translation>Spektralradius</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>clipped</source>
        <translation>begrenzt</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>angenommen</translation>
    </message>
    <message>
        <source>goal %1 %2</source>
        <translation>Ziel %1 %2</translation>
    </message>
    <message>
        <source>goal %1 %2 and &gt; %3</source>
        <translation>Ziel %1 %2 und &gt; %3</translation>
    </message>
    <message>
        <source>done ✓ — lesson complete</source>
        <translation type="vanished">erledigt ✓ – Lektion abgeschlossen</translation>
    </message>
    <message>
        <source>done ✓</source>
        <translation type="vanished">erledigt ✓</translation>
    </message>
    <message>
        <source>waiting: %1 not measured yet, %2</source>
        <translation>warte: %1 noch nicht gemessen, %2</translation>
    </message>
    <message>
        <source>waiting: %1 is %2, %3</source>
        <translation>warte: %1 ist %2, %3</translation>
    </message>
    <message>
        <source>done ✓ at step %1 — lesson complete</source>
        <translation>erledigt ✓ bei Schritt %1 — Lektion abgeschlossen</translation>
    </message>
    <message>
        <source>done ✓ at step %1: training paused so that you can look; press Next</source>
        <translation>erledigt ✓ bei Schritt %1: Training angehalten, damit Sie hinschauen können; weiter mit „Weiter“</translation>
    </message>
    <message>
        <source>paused after this step&apos;s %1 training steps without reaching the goal (%2): press Next to move on, or Play to go on training</source>
        <translation type="vanished">angehalten nach den %1 Trainingsschritten dieses Schritts, ohne das Ziel zu erreichen (%2): „Weiter“ geht zum nächsten Schritt, „Start“ trainiert weiter</translation>
    </message>
    <message>
        <source>%1 is %2, %3</source>
        <translation>%1 ist %2, %3</translation>
    </message>
    <message>
        <source>validation accuracy</source>
        <translation>Validierungsgenauigkeit</translation>
    </message>
    <message>
        <source>as expected, %1 training steps did not reach the goal (%2), which is this step&apos;s point: press Next</source>
        <translation>wie erwartet haben %1 Trainingsschritte das Ziel nicht erreicht (%2), und genau das zeigt dieser Schritt: Weiter drücken</translation>
    </message>
    <message>
        <source>tanh RNN</source>
        <translation>tanh-RNN</translation>
    </message>
    <message>
        <source>ReLU RNN</source>
        <translation>ReLU-RNN</translation>
    </message>
    <message>
        <source>LSTM</source>
        <translation>LSTM</translation>
    </message>
    <message>
        <source>GRU</source>
        <translation>GRU</translation>
    </message>
    <message>
        <source>before: %1</source>
        <translation>vorher: %1</translation>
    </message>
    <message>
        <source>dead ReLU units</source>
        <translation>tote ReLU-Einheiten</translation>
    </message>
    <message>
        <source>saturated tanh units</source>
        <translation>gesättigte tanh-Einheiten</translation>
    </message>
    <message>
        <source>largest |h|</source>
        <translation>größtes |h|</translation>
    </message>
    <message>
        <source>loss / chance level</source>
        <translation>Verlust / Zufallsniveau</translation>
    </message>
    <message>
        <source>%1% of the ReLU units are dead (never active, so they pass no gradient and learn nothing); a healthy model has %2 %3%</source>
        <translation>%1 % der ReLU-Einheiten sind tot (nie aktiv, sie leiten also keinen Gradienten weiter und lernen nichts); ein gesundes Modell hat %2 %3 %</translation>
    </message>
    <message>
        <source>%1% of the tanh units are saturated (their slope is near 0, so they pass no gradient); a healthy model has %2 %3%</source>
        <translation>%1 % der tanh-Einheiten sind gesättigt (ihre Steigung ist nahe 0, sie leiten also keinen Gradienten weiter); ein gesundes Modell hat %2 %3 %</translation>
    </message>
    <message>
        <source>the hidden states reach %1 (the state explodes); a healthy model stays %2 %3</source>
        <translation>die verborgenen Zustände erreichen %1 (der Zustand explodiert); ein gesundes Modell bleibt %2 %3</translation>
    </message>
    <message>
        <source>the loss is %1 times the chance level (a model that ignores its input), so it has learnt next to nothing; a working fix gets %2 %3 times</source>
        <translation>der Verlust ist das %1-Fache des Zufallsniveaus (eines Modells, das seine Eingabe nicht beachtet), es hat also so gut wie nichts gelernt; eine wirksame Abhilfe kommt auf %2 %3</translation>
    </message>
    <message>
        <source>%1 is %2 (needs %3 %4)</source>
        <translation>%1 ist %2 (nötig: %3 %4)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1%</source>
        <comment>a share in percent</comment>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>done ✓ at step %1, with a healthy model (%2)</source>
        <translation>erledigt ✓ bei Schritt %1, mit einem gesunden Modell (%2)</translation>
    </message>
    <message>
        <source> — lesson complete</source>
        <translation> — Lektion abgeschlossen</translation>
    </message>
    <message>
        <source>: training paused so that you can look; press Next</source>
        <translation>: Training angehalten, damit Sie hinschauen können; weiter mit „Weiter“</translation>
    </message>
    <message>
        <source>paused after this step&apos;s %1 training steps: %2 reached its goal, but %3. This fix has not worked; press Skip to move on</source>
        <translation>angehalten nach den %1 Trainingsschritten dieses Schritts: %2 hat das Ziel erreicht, aber %3. Diese Abhilfe hat nicht gewirkt; „Überspringen“ geht zum nächsten Schritt</translation>
    </message>
    <message>
        <source>paused after this step&apos;s %1 training steps without reaching the goal (%2): press Skip to move on, or Play to go on training</source>
        <translation>angehalten nach den %1 Trainingsschritten dieses Schritts, ohne das Ziel zu erreichen (%2): „Überspringen“ geht zum nächsten Schritt, „Start“ trainiert weiter</translation>
    </message>
    <message>
        <source>waiting: %1 is %2, %3, but %4</source>
        <translation>warte: %1 ist %2, %3, aber %4</translation>
    </message>
</context>
<context>
    <name>unroll::gui::LossChart</name>
    <message>
        <source>&lt;b&gt;Loss&lt;/b&gt;</source>
        <translation>&lt;b&gt;Verlust&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation>Glättung</translation>
    </message>
    <message>
        <source>Exponential moving average of the training loss (0 = raw)</source>
        <translation>Exponentiell gleitender Mittelwert des Trainingsverlusts (0 = roh)</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>Log. Skala</translation>
    </message>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>training step</source>
        <translation>Trainingsschritt</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>train</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>branch %1 · lr %2</source>
        <translation>Zweig %1 · lr %2</translation>
    </message>
    <message>
        <source>, clip %1</source>
        <translation>, Begrenzung %1</translation>
    </message>
    <message>
        <source>, TBPTT %1</source>
        <translation>, TBPTT %1</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>Validation accuracy: after the first validation.</source>
        <translation>Validierungsgenauigkeit: nach der ersten Validierung.</translation>
    </message>
    <message>
        <source>Step %1: </source>
        <translation>Schritt %1: </translation>
    </message>
</context>
<context>
    <name>unroll::gui::MainWindow</name>
    <message>
        <source>Closing when the file is written…</source>
        <translation>Wird geschlossen, sobald die Datei geschrieben ist…</translation>
    </message>
    <message>
        <source>Unroll — recurrent network studio</source>
        <translation>Unroll – Studio für rekurrente Netze</translation>
    </message>
    <message>
        <source>Model designer</source>
        <translation>Modell-Designer</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Unrolled network</source>
        <translation>Entfaltetes Netz</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open text file…</source>
        <translation>Textdatei öffnen…</translation>
    </message>
    <message>
        <source>Save window screenshot…</source>
        <translation>Bildschirmfoto des Fensters speichern…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Training</translation>
    </message>
    <message>
        <source>&amp;Race configurations…</source>
        <translation>&amp;Wettrennen der Konfigurationen…</translation>
    </message>
    <message>
        <source>Train up to four configurations side by side on this task, with the same seed, data order and step budget</source>
        <translation>Bis zu vier Konfigurationen nebeneinander auf dieser Aufgabe trainieren, mit demselben Seed, derselben Datenreihenfolge und demselben Schrittbudget</translation>
    </message>
    <message>
        <source>&amp;Demos</source>
        <translation>De&amp;mos</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>About Unroll</source>
        <translation>Über Unroll</translation>
    </message>
    <message>
        <source>&lt;b&gt;Unroll&lt;/b&gt; %1&lt;br&gt;A studio for designing, training and understanding recurrent neural networks: watch gradients vanish or explode as they travel back through time.</source>
        <translation>&lt;b&gt;Unroll&lt;/b&gt; %1&lt;br&gt;Ein Studio zum Entwerfen, Trainieren und Verstehen rekurrenter neuronaler Netze: Sehen Sie zu, wie Gradienten auf ihrem Weg zurück durch die Zeit verschwinden oder explodieren.</translation>
    </message>
    <message>
        <source>Engine: %1</source>
        <translation>Engine: %1</translation>
    </message>
    <message>
        <source>Cannot build this model</source>
        <translation>Dieses Modell kann nicht gebaut werden</translation>
    </message>
    <message>
        <source>mean predictor</source>
        <translation>Mittelwert-Vorhersage</translation>
    </message>
    <message>
        <source>unigram entropy</source>
        <translation>Unigramm-Entropie</translation>
    </message>
    <message>
        <source>Back at step %1. Change a setting and press Play to branch; the old branch stays on the loss chart.</source>
        <translation>Zurück bei Schritt %1. Ändern Sie eine Einstellung und drücken Sie „Start“, um abzuzweigen; der alte Zweig bleibt im Verlustdiagramm.</translation>
    </message>
    <message>
        <source>● training</source>
        <translation>● trainiert</translation>
    </message>
    <message>
        <source>❚❚ paused</source>
        <translation>❚❚ pausiert</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>Schritt %1</translation>
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation>%1 Token/s</translation>
    </message>
    <message>
        <source>%1 s elapsed</source>
        <translation>%1 s vergangen</translation>
    </message>
    <message>
        <source>Step %1 was not finite; training paused.</source>
        <translation>Schritt %1 war nicht endlich; Training pausiert.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The language changes the next time Unroll starts.</source>
        <translation>Die Sprache wechselt beim nächsten Start von Unroll.</translation>
    </message>
    <message>
        <source>Save window screenshot</source>
        <translation>Bildschirmfoto des Fensters speichern</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>&amp;Lektionen</translation>
    </message>
    <message>
        <source>Cannot open lesson</source>
        <translation>Lektion kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Lektion</translation>
    </message>
    <message>
        <source>Open lesson file…</source>
        <translation>Lektionsdatei öffnen…</translation>
    </message>
    <message>
        <source>Open lesson file</source>
        <translation>Lektionsdatei öffnen</translation>
    </message>
    <message>
        <source>Lessons (*.json)</source>
        <translation>Lektionen (*.json)</translation>
    </message>
    <message>
        <source>● pausing when this step ends…</source>
        <translation>● hält an, sobald dieser Schritt fertig ist…</translation>
    </message>
    <message>
        <source>● running one step…</source>
        <translation>● ein Schritt läuft…</translation>
    </message>
    <message>
        <source>%1% of validation sentences name the language word exactly (chance: %2%).</source>
        <translation>%1 % der Validierungssätze nennen das Sprachwort genau (Zufall: %2 %).</translation>
    </message>
    <message>
        <source>%1% of the symbols recalled (chance: %2%).</source>
        <translation>%1 % der Symbole wiedergegeben (Zufall: %2 %).</translation>
    </message>
    <message>
        <source>%1% of the next characters predicted (always the most frequent: %2%).</source>
        <translation>%1 % der nächsten Zeichen vorhergesagt (immer das häufigste: %2 %).</translation>
    </message>
    <message>
        <source>%1% of the sequences entirely right (chance: %2%).</source>
        <translation>%1 % der Sequenzen ganz richtig (Zufall: %2 %).</translation>
    </message>
    <message>
        <source>&amp;Translation (encoder–decoder)…</source>
        <translation>Ü&amp;bersetzung (Encoder–Decoder)…</translation>
    </message>
    <message>
        <source>Train an encoder–decoder with or without attention on a generated translation task and watch its attention and gradients</source>
        <translation>Einen Encoder–Decoder mit oder ohne Attention auf einer erzeugten Übersetzungsaufgabe trainieren und seine Attention und Gradienten beobachten</translation>
    </message>
    <message>
        <source>%1 (Translation window)</source>
        <translation>%1 (Übersetzungsfenster)</translation>
    </message>
    <message>
        <source>Cannot open the lesson</source>
        <translation>Lektion kann nicht geöffnet werden</translation>
    </message>
</context>
<context>
    <name>unroll::gui::ModelDesigner</name>
    <message>
        <source>The engine kept the running value: %1</source>
        <translation>Die Engine behält den laufenden Wert: %1</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>RNN (tanh)</source>
        <translation>RNN (tanh)</translation>
    </message>
    <message>
        <source>RNN (ReLU)</source>
        <translation>RNN (ReLU)</translation>
    </message>
    <message>
        <source>LSTM</source>
        <translation>LSTM</translation>
    </message>
    <message>
        <source>GRU</source>
        <translation>GRU</translation>
    </message>
    <message>
        <source>The recurrent cell shared by every timestep</source>
        <translation>Die rekurrente Zelle, die alle Zeitschritte teilen</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>Zelle</translation>
    </message>
    <message>
        <source>Stacked recurrent layers: 1 to 4</source>
        <translation>Gestapelte rekurrente Schichten: 1 bis 4</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <source>Hidden units per layer: 1 to 1024</source>
        <translation>Versteckte Einheiten pro Schicht: 1 bis 1024</translation>
    </message>
    <message>
        <source>Hidden size</source>
        <translation>Versteckte Größe</translation>
    </message>
    <message>
        <source>One-hot</source>
        <translation>One-hot</translation>
    </message>
    <message>
        <source>Embedding</source>
        <translation>Embedding</translation>
    </message>
    <message>
        <source>How tokens enter the first layer (numeric tasks always use dense input)</source>
        <translation>Wie Token in die erste Schicht gelangen (numerische Aufgaben nutzen immer dichte Eingaben)</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Embedding dimension: 1 to 512</source>
        <translation>Embedding-Dimension: 1 bis 512</translation>
    </message>
    <message>
        <source>Embedding size</source>
        <translation>Embedding-Größe</translation>
    </message>
    <message>
        <source>PyTorch default</source>
        <translation>PyTorch-Standard</translation>
    </message>
    <message>
        <source>Xavier uniform</source>
        <translation>Xavier gleichverteilt</translation>
    </message>
    <message>
        <source>Xavier normal</source>
        <translation>Xavier normalverteilt</translation>
    </message>
    <message>
        <source>He (Kaiming)</source>
        <translation>He (Kaiming)</translation>
    </message>
    <message>
        <source>Orthogonal</source>
        <translation>Orthogonal</translation>
    </message>
    <message>
        <source>Identity (IRNN)</source>
        <translation>Identität (IRNN)</translation>
    </message>
    <message>
        <source>Initialisation</source>
        <translation>Initialisierung</translation>
    </message>
    <message>
        <source>W_hh is multiplied by this after initialisation: below 1 shrinks signals, above 1 stretches them (0.05 to 5)</source>
        <translation>W_hh wird nach der Initialisierung damit multipliziert: unter 1 schrumpfen Signale, über 1 werden sie gestreckt (0,05 bis 5)</translation>
    </message>
    <message>
        <source>Recurrent gain</source>
        <translation>Rekurrente Verstärkung</translation>
    </message>
    <message>
        <source>Added to the LSTM forget-gate bias: positive values keep memory open (-5 to 10)</source>
        <translation>Wird zum Bias des LSTM-Vergessens-Gates addiert: positive Werte halten das Gedächtnis offen (-5 bis 10)</translation>
    </message>
    <message>
        <source>Forget-gate bias</source>
        <translation>Bias des Vergessens-Gates</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <source>SGD + momentum</source>
        <translation>SGD + Momentum</translation>
    </message>
    <message>
        <source>Nesterov</source>
        <translation>Nesterov</translation>
    </message>
    <message>
        <source>Adagrad</source>
        <translation>Adagrad</translation>
    </message>
    <message>
        <source>RMSprop</source>
        <translation>RMSprop</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>AdamW</source>
        <translation>AdamW</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>Optimierer</translation>
    </message>
    <message>
        <source>Learning rate: 0.00001 to 10; applies at the next step</source>
        <translation>Lernrate: 0,00001 bis 10; gilt ab dem nächsten Schritt</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Global norm</source>
        <translation>Globale Norm</translation>
    </message>
    <message>
        <source>Per value</source>
        <translation>Pro Wert</translation>
    </message>
    <message>
        <source>Gradient clipping; applies at the next step</source>
        <translation>Begrenzung der Gradienten; gilt ab dem nächsten Schritt</translation>
    </message>
    <message>
        <source>Clipping</source>
        <translation>Begrenzung</translation>
    </message>
    <message>
        <source>Largest allowed norm (or |value|): 0.001 to 1000</source>
        <translation>Größte erlaubte Norm (bzw. |Wert|): 0,001 bis 1000</translation>
    </message>
    <message>
        <source>Clip threshold</source>
        <translation>Begrenzungsschwelle</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>Vollständig</translation>
    </message>
    <message>
        <source>Truncated (k1, k2)</source>
        <translation>Abgeschnitten (k1, k2)</translation>
    </message>
    <message>
        <source>Backpropagation through time; applies at the next step</source>
        <translation>Backpropagation durch die Zeit; gilt ab dem nächsten Schritt</translation>
    </message>
    <message>
        <source>BPTT</source>
        <translation>BPTT</translation>
    </message>
    <message>
        <source>k1: steps between updates, at least 1 and at most k2</source>
        <translation>k1: Schritte zwischen Updates, mindestens 1 und höchstens k2</translation>
    </message>
    <message>
        <source>k1 (update every)</source>
        <translation>k1 (Update alle)</translation>
    </message>
    <message>
        <source>k2: steps backpropagated, at least k1</source>
        <translation>k2: zurückpropagierte Schritte, mindestens k1</translation>
    </message>
    <message>
        <source>k2 (backprop through)</source>
        <translation>k2 (Backprop über)</translation>
    </message>
    <message>
        <source>Sequences per step: 1 to 4096</source>
        <translation>Sequenzen pro Schritt: 1 bis 4096</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Batchgröße</translation>
    </message>
    <message>
        <source>Steps per training sequence: 2 to 10000</source>
        <translation>Schritte pro Trainingssequenz: 2 bis 10000</translation>
    </message>
    <message>
        <source>Sequence length</source>
        <translation>Sequenzlänge</translation>
    </message>
    <message>
        <source>One seed drives initialisation and data order: the same seed gives the same run</source>
        <translation>Ein Seed steuert Initialisierung und Datenreihenfolge: Gleicher Seed, gleicher Lauf</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Changes take effect on Apply (training restarts).</source>
        <translation>Änderungen wirken erst mit „Übernehmen“ (das Training beginnt neu).</translation>
    </message>
    <message>
        <source>Apply and restart</source>
        <translation>Übernehmen und neu starten</translation>
    </message>
    <message>
        <source>Rebuild the model with these settings, paused at step 0</source>
        <translation>Das Modell mit diesen Einstellungen neu bauen, pausiert bei Schritt 0</translation>
    </message>
    <message>
        <source>k1 (%1) must not exceed k2 (%2): an update cannot skip steps it never backpropagates through.</source>
        <translation>k1 (%1) darf k2 (%2) nicht übersteigen: Ein Update kann keine Schritte überspringen, durch die es nie zurückpropagiert.</translation>
    </message>
    <message>
        <source>k1 (%1) is longer than the sequence (%2 steps).</source>
        <translation>k1 (%1) ist länger als die Sequenz (%2 Schritte).</translation>
    </message>
    <message>
        <source>This task sets the sequence length itself (Data panel)</source>
        <translation>Diese Aufgabe legt die Sequenzlänge selbst fest (Datenbereich)</translation>
    </message>
    <message>
        <source>Cannot apply: %1</source>
        <translation>Nicht übernehmbar: %1</translation>
    </message>
    <message>
        <source>%1 must be from %2 to %3: %4 is out of range, so it stays %5.</source>
        <translation>%1 muss zwischen %2 und %3 liegen: %4 liegt außerhalb, daher bleibt %5.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a number, so it stays %3.</source>
        <translation>%1: „%2“ ist keine Zahl, daher bleibt %3.</translation>
    </message>
</context>
<context>
    <name>unroll::gui::NonFiniteBanner</name>
    <message>
        <source>Lower LR ×0.1 and continue</source>
        <translation>Lernrate ×0,1 und weiter</translation>
    </message>
    <message>
        <source>Clip at norm 1 and continue</source>
        <translation>Bei Norm 1 begrenzen und weiter</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Training paused: step %1 was not finite&lt;/b&gt; (bad tensor: &lt;tt&gt;%2&lt;/tt&gt;, learning rate %3). The update was skipped; the last finite weights are kept.&lt;br&gt;&lt;small&gt;%4&lt;/small&gt;</source>
        <translation type="vanished">&lt;b&gt;Training pausiert: Schritt %1 war nicht endlich&lt;/b&gt; (fehlerhafter Tensor: &lt;tt&gt;%2&lt;/tt&gt;, Lernrate %3). Das Update wurde übersprungen; die letzten endlichen Gewichte bleiben erhalten.&lt;br&gt;&lt;small&gt;%4&lt;/small&gt;</translation>
    </message>
    <message>
        <source>The loss itself was not finite.</source>
        <translation>Der Verlust selbst war nicht endlich.</translation>
    </message>
    <message>
        <source>The gradient&apos;s norm overflowed, although each gradient was finite.</source>
        <translation>Die Norm des Gradienten lief über, obwohl jeder Gradient endlich war.</translation>
    </message>
    <message>
        <source>The update would have overflowed the weights.</source>
        <translation>Das Update hätte die Gewichte überlaufen lassen.</translation>
    </message>
    <message>
        <source>The update would have made the weights infinite or NaN.</source>
        <translation>Das Update hätte die Gewichte unendlich oder NaN gemacht.</translation>
    </message>
    <message>
        <source>The gradient of %1 was not finite.</source>
        <translation>Der Gradient von %1 war nicht endlich.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Training paused: step %1 was not finite&lt;/b&gt; (bad tensor: &lt;tt&gt;%2&lt;/tt&gt;, learning rate %3). The update was skipped; the last finite weights are kept.&lt;br&gt;&lt;small&gt;%4 Lower the learning rate or enable clipping.&lt;/small&gt;</source>
        <translation>&lt;b&gt;Training pausiert: Schritt %1 war nicht endlich&lt;/b&gt; (fehlerhafter Tensor: &lt;tt&gt;%2&lt;/tt&gt;, Lernrate %3). Das Update wurde übersprungen; die letzten endlichen Gewichte bleiben erhalten.&lt;br&gt;&lt;small&gt;%4 Senken Sie die Lernrate oder schalten Sie die Begrenzung ein.&lt;/small&gt;</translation>
    </message>
</context>
<context>
    <name>unroll::gui::Presentation</name>
    <message>
        <source>&amp;Presentation mode</source>
        <translation>&amp;Präsentationsmodus</translation>
    </message>
    <message>
        <source>For a projector: larger text and only the lesson&apos;s two or three charts</source>
        <translation>Für einen Beamer: größere Schrift und nur die zwei oder drei Diagramme der Lektion</translation>
    </message>
</context>
<context>
    <name>unroll::gui::ProbeSession</name>
    <message>
        <source>%1: waiting for the first step</source>
        <translation>%1: wartet auf den ersten Schritt</translation>
    </message>
    <message>
        <source>%1: rank %2 of %3, step %4, %5 steps/s, %6 dropped</source>
        <translation>%1: Rang %2 von %3, Schritt %4, %5 Schritte/s, %6 verworfen</translation>
    </message>
    <message>
        <source>%1: stopped: %2</source>
        <translation>%1: angehalten: %2</translation>
    </message>
    <message>
        <source>%1: at step %2 (scrubbed)</source>
        <translation>%1: bei Schritt %2 (angesteuert)</translation>
    </message>
    <message>
        <source>%1: the stream ended at step %2</source>
        <translation>%1: der Stream endete bei Schritt %2</translation>
    </message>
</context>
<context>
    <name>unroll::gui::RaceForm</name>
    <message>
        <source>PyTorch default</source>
        <translation>PyTorch-Standard</translation>
    </message>
    <message>
        <source>Xavier uniform</source>
        <translation>Xavier gleichverteilt</translation>
    </message>
    <message>
        <source>Xavier normal</source>
        <translation>Xavier normalverteilt</translation>
    </message>
    <message>
        <source>He</source>
        <translation>He</translation>
    </message>
    <message>
        <source>orthogonal</source>
        <translation>orthogonal</translation>
    </message>
    <message>
        <source>identity</source>
        <translation>Identität</translation>
    </message>
    <message>
        <source>clip %1</source>
        <translation>Begrenzung %1</translation>
    </message>
    <message>
        <source>no clip</source>
        <translation>ohne Begrenzung</translation>
    </message>
    <message>
        <source>lr %1</source>
        <translation>lr %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>tanh RNN</source>
        <translation>tanh-RNN</translation>
    </message>
    <message>
        <source>ReLU RNN</source>
        <translation>ReLU-RNN</translation>
    </message>
    <message>
        <source>LSTM</source>
        <translation>LSTM</translation>
    </message>
    <message>
        <source>GRU</source>
        <translation>GRU</translation>
    </message>
    <message>
        <source>&lt;b&gt;Race&lt;/b&gt; — the same data, seed and step budget for every entrant: only what you change below differs.</source>
        <translation>&lt;b&gt;Wettrennen&lt;/b&gt; – dieselben Daten, derselbe Seed und dasselbe Schrittbudget für jeden Teilnehmer: Nur was Sie unten ändern, unterscheidet sich.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>&lt;b&gt;Reading the race&lt;/b&gt;&lt;ul style=&apos;margin-left:-20px&apos;&gt;&lt;li&gt;Loss: the lower curve learned more from the same data. A curve that shoots up has exploded; the table counts the steps the trainer had to reject.&lt;/li&gt;&lt;li&gt;Gradient vs timestep: read right to left, from the loss back in time. A line falling steeply to the left means early steps receive almost no gradient — the vanishing gradient; a line rising to the left is an exploding one.&lt;/li&gt;&lt;li&gt;Seconds: the wall time of an entrant&apos;s own steps; gated cells do more work per step.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;b&gt;So lesen Sie das Wettrennen&lt;/b&gt;&lt;ul style=&apos;margin-left:-20px&apos;&gt;&lt;li&gt;Verlust: Die niedrigere Kurve hat aus denselben Daten mehr gelernt. Eine Kurve, die nach oben schießt, ist explodiert; die Tabelle zählt die Schritte, die das Training ablehnen musste.&lt;/li&gt;&lt;li&gt;Gradient je Zeitschritt: von rechts nach links lesen, vom Verlust zurück in der Zeit. Eine Linie, die nach links steil abfällt, bedeutet, dass frühe Schritte fast keinen Gradienten erhalten – der verschwindende Gradient; eine nach links ansteigende Linie ist ein explodierender.&lt;/li&gt;&lt;li&gt;Sekunden: die reale Laufzeit der eigenen Schritte eines Teilnehmers; Zellen mit Gates leisten pro Schritt mehr Arbeit.&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>Entrants</source>
        <translation>Teilnehmer</translation>
    </message>
    <message>
        <source>RNN vs LSTM vs GRU</source>
        <translation>RNN vs. LSTM vs. GRU</translation>
    </message>
    <message>
        <source>Three cells, otherwise the studio&apos;s settings</source>
        <translation type="vanished">Drei Zellen, sonst die Einstellungen des Studios</translation>
    </message>
    <message>
        <source>Clipping on/off</source>
        <translation>Begrenzung an/aus</translation>
    </message>
    <message>
        <source>The studio&apos;s cell without and with gradient-norm clipping</source>
        <translation>Die Zelle des Studios ohne und mit Begrenzung der Gradientennorm</translation>
    </message>
    <message>
        <source>Entrants:</source>
        <translation>Teilnehmer:</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>Zelle</translation>
    </message>
    <message>
        <source>Clip</source>
        <translation>Begrenzung</translation>
    </message>
    <message>
        <source>Max norm</source>
        <translation>Max. Norm</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Init</source>
        <translation>Init.</translation>
    </message>
    <message>
        <source>Shared by all</source>
        <translation>Für alle gleich</translation>
    </message>
    <message>
        <source>Drives every entrant&apos;s initial weights and the order of the data</source>
        <translation>Bestimmt die Anfangsgewichte jedes Teilnehmers und die Reihenfolge der Daten</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <source>Training updates per entrant: the same budget for everybody</source>
        <translation>Trainingsschritte pro Teilnehmer: dasselbe Budget für alle</translation>
    </message>
    <message>
        <source>Steps each:</source>
        <translation>Schritte je Teilnehmer:</translation>
    </message>
    <message>
        <source>Clip the gradient&apos;s global norm</source>
        <translation>Die globale Norm des Gradienten begrenzen</translation>
    </message>
    <message>
        <source>Largest global gradient norm an update may use</source>
        <translation>Größte globale Gradientennorm, die ein Update verwenden darf</translation>
    </message>
    <message>
        <source>Task: &lt;b&gt;%1&lt;/b&gt; · sequence %2 · batch %3 · hidden %4 · %5 optimizer</source>
        <translation>Aufgabe: &lt;b&gt;%1&lt;/b&gt; · Sequenz %2 · Batch %3 · versteckt %4 · Optimierer %5</translation>
    </message>
    <message>
        <source>the studio&apos;s data</source>
        <translation>die Daten des Studios</translation>
    </message>
    <message>
        <source>A tanh RNN, an LSTM and a GRU, each with learning rate %1 and clipping at %2; otherwise the studio&apos;s settings</source>
        <translation>Ein tanh-RNN, ein LSTM und eine GRU, jeweils mit Lernrate %1 und Begrenzung bei %2; sonst die Einstellungen des Studios</translation>
    </message>
</context>
<context>
    <name>unroll::gui::RaceView</name>
    <message>
        <source>&lt;b&gt;Training loss&lt;/b&gt; — all entrants on one chart</source>
        <translation>&lt;b&gt;Trainingsverlust&lt;/b&gt; – alle Teilnehmer in einem Diagramm</translation>
    </message>
    <message>
        <source>&lt;b&gt;Gradient vs timestep&lt;/b&gt; — ‖∂L/∂hₜ‖ of each entrant&apos;s latest step, on the same log scale: a falling line to the left is a vanishing gradient</source>
        <translation>&lt;b&gt;Gradient je Zeitschritt&lt;/b&gt; – ‖∂L/∂hₜ‖ des letzten Schritts jedes Teilnehmers, auf derselben logarithmischen Skala: Eine nach links fallende Linie ist ein verschwindender Gradient</translation>
    </message>
    <message>
        <source>&lt;b&gt;Results&lt;/b&gt;</source>
        <translation>&lt;b&gt;Ergebnisse&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Entrant</source>
        <translation>Teilnehmer</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>Zelle</translation>
    </message>
    <message>
        <source>Final train loss</source>
        <translation>Trainingsverlust am Ende</translation>
    </message>
    <message>
        <source>Validation loss</source>
        <translation>Validierungsverlust</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>Training loss of the last step</source>
        <translation>Trainingsverlust des letzten Schritts</translation>
    </message>
    <message>
        <source>Loss on the task&apos;s validation batches after the last step</source>
        <translation>Verlust auf den Validierungsbatches der Aufgabe nach dem letzten Schritt</translation>
    </message>
    <message>
        <source>Wall time of this entrant&apos;s own steps and validation</source>
        <translation>Reale Laufzeit der eigenen Schritte und der Validierung dieses Teilnehmers</translation>
    </message>
    <message>
        <source>Waiting for the first step.</source>
        <translation>Warte auf den ersten Schritt.</translation>
    </message>
    <message>
        <source>step %1 was rejected: the loss or gradient overflowed, so no update was made (%2 rejected so far)</source>
        <translation>Schritt %1 wurde abgelehnt: Verlust oder Gradient liefen über, daher gab es kein Update (bisher %2 abgelehnt)</translation>
    </message>
    <message>
        <source>step %1 · ‖g‖ %2%3 · %4</source>
        <translation>Schritt %1 · ‖g‖ %2%3 · %4</translation>
    </message>
    <message>
        <source> (clipped)</source>
        <translation> (begrenzt)</translation>
    </message>
    <message>
        <source>%1 (%2 rejected)</source>
        <translation>%1 (%2 abgelehnt)</translation>
    </message>
</context>
<context>
    <name>unroll::gui::RaceWindow</name>
    <message>
        <source>Race</source>
        <translation>Wettrennen</translation>
    </message>
    <message>
        <source>The task could not be built: %1</source>
        <translation>Die Aufgabe konnte nicht gebaut werden: %1</translation>
    </message>
    <message>
        <source>Cannot start the race: %1</source>
        <translation>Das Wettrennen kann nicht starten: %1</translation>
    </message>
    <message>
        <source>Racing on %1 threads, one per entrant.</source>
        <translation>Wettrennen auf %1 Threads, einer pro Teilnehmer.</translation>
    </message>
    <message>
        <source>Racing: the entrants take turns step by step, since this machine has fewer cores (%1) than entrants (%2).</source>
        <translation>Wettrennen: Die Teilnehmer kommen Schritt für Schritt abwechselnd an die Reihe, da dieser Rechner weniger Kerne (%1) als Teilnehmer (%2) hat.</translation>
    </message>
    <message>
        <source>Stopping after the current step…</source>
        <translation>Halte nach dem laufenden Schritt an…</translation>
    </message>
    <message>
        <source>The race stopped with an error: %1</source>
        <translation>Das Wettrennen wurde mit einem Fehler beendet: %1</translation>
    </message>
    <message>
        <source>Done: %1 steps each. Export the table as CSV, or change an entrant and race again.</source>
        <translation>Fertig: je %1 Schritte. Exportieren Sie die Tabelle als CSV, oder ändern Sie einen Teilnehmer und starten Sie das Wettrennen erneut.</translation>
    </message>
    <message>
        <source>Stopped. The table shows the numbers reached so far.</source>
        <translation>Angehalten. Die Tabelle zeigt die bisher erreichten Werte.</translation>
    </message>
    <message>
        <source>Export race results</source>
        <translation>Ergebnisse des Wettrennens exportieren</translation>
    </message>
    <message>
        <source>race.csv</source>
        <translation>wettrennen.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Cannot export the race</source>
        <translation>Export des Wettrennens nicht möglich</translation>
    </message>
    <message>
        <source>%1 could not be written: %2
The results are still here; choose another place.</source>
        <translation>%1 konnte nicht geschrieben werden: %2
Die Ergebnisse sind noch vorhanden; wählen Sie einen anderen Speicherort.</translation>
    </message>
    <message>
        <source>Results written to %1.</source>
        <translation>Ergebnisse nach %1 geschrieben.</translation>
    </message>
</context>
<context>
    <name>unroll::gui::RunControls</name>
    <message>
        <source>Run</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Train continuously (Space)</source>
        <translation>Fortlaufend trainieren (Leertaste)</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Run exactly one training step (.)</source>
        <translation>Genau einen Trainingsschritt ausführen (.)</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Back to step 0 with the same seed: the same run again (Ctrl+R)</source>
        <translation>Zurück zu Schritt 0 mit demselben Seed: derselbe Lauf noch einmal (Strg+R)</translation>
    </message>
    <message>
        <source> Speed </source>
        <translation> Tempo </translation>
    </message>
    <message>
        <source>Full speed</source>
        <translation>Volle Geschwindigkeit</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)/s</source>
        <translation>
            <numerusform>%n Schritt/s</numerusform>
            <numerusform>%n Schritte/s</numerusform>
        </translation>
    </message>
    <message>
        <source>Full speed, or a teaching pace to watch each step</source>
        <translation>Volle Geschwindigkeit oder ein Lehrtempo, um jedem Schritt zuzusehen</translation>
    </message>
    <message>
        <source> Demo </source>
        <translation> Demo </translation>
    </message>
    <message>
        <source>Vanishing gradients</source>
        <translation>Verschwindende Gradienten</translation>
    </message>
    <message>
        <source>Exploding gradients</source>
        <translation>Explodierende Gradienten</translation>
    </message>
    <message>
        <source>LSTM keeps the signal</source>
        <translation>LSTM erhält das Signal</translation>
    </message>
    <message>
        <source>Character language model</source>
        <translation>Zeichen-Sprachmodell</translation>
    </message>
    <message>
        <source>Long-range language task</source>
        <translation>Sprachaufgabe mit langer Reichweite</translation>
    </message>
    <message>
        <source>Sine forecasting</source>
        <translation>Sinus-Vorhersage</translation>
    </message>
    <message>
        <source>(custom)</source>
        <translation>(eigene)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Pause after the current step (Space)</source>
        <translation>Nach dem laufenden Schritt anhalten (Leertaste)</translation>
    </message>
</context>
<context>
    <name>unroll::gui::SamplePanel</name>
    <message>
        <source>Text fed to the network before it writes; every character must occur in the training text</source>
        <translation>Text, den das Netz liest, bevor es schreibt; jedes Zeichen muss im Trainingstext vorkommen</translation>
    </message>
    <message>
        <source>Prime:</source>
        <translation>Vorgabe:</translation>
    </message>
    <message>
        <source>0 always takes the likeliest character; 1 samples the model&apos;s own distribution; higher is wilder</source>
        <translation>0 nimmt immer das wahrscheinlichste Zeichen; 1 zieht aus der Verteilung des Modells; höher ist wilder</translation>
    </message>
    <message>
        <source>Temperature:</source>
        <translation>Temperatur:</translation>
    </message>
    <message>
        <source>Characters to generate</source>
        <translation>Zu erzeugende Zeichen</translation>
    </message>
    <message>
        <source>Layer of the unit that colours the text (1 = bottom)</source>
        <translation>Schicht der Einheit, die den Text einfärbt (1 = unterste)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Hidden unit whose activation tints each character: blue is negative, red positive. Look for units that track quotes, line ends or word starts.</source>
        <translation>Versteckte Einheit, deren Aktivierung jedes Zeichen einfärbt: Blau ist negativ, Rot positiv. Suchen Sie Einheiten, die Anführungszeichen, Zeilenenden oder Wortanfänge verfolgen.</translation>
    </message>
    <message>
        <source>Length:</source>
        <translation>Länge:</translation>
    </message>
    <message>
        <source>Layer:</source>
        <translation>Schicht:</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>Einheit:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>While training runs, sample again this often</source>
        <translation>Während das Training läuft, so oft neu erzeugen</translation>
    </message>
    <message>
        <source>Sample now</source>
        <translation>Jetzt erzeugen</translation>
    </message>
    <message>
        <source>Refresh while training every</source>
        <translation>Beim Training erneuern alle</translation>
    </message>
    <message>
        <source>argmax</source>
        <translation>argmax</translation>
    </message>
    <message>
        <source>Sampling needs a character language model (text or language task).</source>
        <translation>Zum Erzeugen braucht es ein Zeichen-Sprachmodell (Text- oder Sprachaufgabe).</translation>
    </message>
    <message>
        <source>Press &quot;Sample now&quot;, or train: samples refresh while training runs.</source>
        <translation>„Jetzt erzeugen“ drücken oder trainieren: Während des Trainings werden Texte erneuert.</translation>
    </message>
    <message>
        <source>No language model to sample yet.</source>
        <translation>Noch kein Sprachmodell, aus dem erzeugt werden kann.</translation>
    </message>
    <message>
        <source>Sampled at step %1.</source>
        <translation>Erzeugt bei Schritt %1.</translation>
    </message>
    <message>
        <source>Sampled at step %1. Unit %2 of layer %3: blue −1, white 0, red +1; the prime is underlined.</source>
        <translation>Erzeugt bei Schritt %1. Einheit %2 der Schicht %3: Blau −1, Weiß 0, Rot +1; die Vorgabe ist unterstrichen.</translation>
    </message>
    <message>
        <source>The run was reset or went back in time: this sample was of the model before. Sample again.</source>
        <translation>Der Lauf wurde zurückgesetzt oder ging in der Zeit zurück: Diese Textprobe stammte vom vorherigen Modell. Bitte neu erzeugen.</translation>
    </message>
</context>
<context>
    <name>unroll::gui::SweepPanel</name>
    <message>
        <source>Language (lag = filler characters)</source>
        <translation>Sprache (Verzögerung = Füllzeichen)</translation>
    </message>
    <message>
        <source>Adding (lag = sequence length T)</source>
        <translation>Addition (Verzögerung = Sequenzlänge T)</translation>
    </message>
    <message>
        <source>Copy (lag = delay steps)</source>
        <translation>Kopieren (Verzögerung = Warteschritte)</translation>
    </message>
    <message>
        <source>Task:</source>
        <translation>Aufgabe:</translation>
    </message>
    <message>
        <source>Comma-separated lags, e.g. 5,20,50</source>
        <translation>Verzögerungen, durch Kommas getrennt, z. B. 5,20,50</translation>
    </message>
    <message>
        <source>Lags:</source>
        <translation>Verzögerungen:</translation>
    </message>
    <message>
        <source>Training updates per run: the same budget for every cell and lag</source>
        <translation>Trainingsschritte pro Lauf: dasselbe Budget für jede Zelle und Verzögerung</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>versteckt</translation>
    </message>
    <message>
        <source>Steps per run:</source>
        <translation>Schritte pro Lauf:</translation>
    </message>
    <message>
        <source>tanh RNN</source>
        <translation>tanh-RNN</translation>
    </message>
    <message>
        <source>LSTM</source>
        <translation>LSTM</translation>
    </message>
    <message>
        <source>GRU</source>
        <translation>GRU</translation>
    </message>
    <message>
        <source>Cells:</source>
        <translation>Zellen:</translation>
    </message>
    <message>
        <source>Run sweep</source>
        <translation>Durchlauf starten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>lag</source>
        <translation>Verzögerung</translation>
    </message>
    <message>
        <source>Where does each cell stop learning? Vanilla RNNs fail at long lags; gated cells go on.</source>
        <translation>Wo hört jede Zelle auf zu lernen? Einfache RNNs scheitern bei langen Verzögerungen; Zellen mit Gates lernen weiter.</translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation type="vanished">Genauigkeit (%)</translation>
    </message>
    <message>
        <source>validation MSE</source>
        <translation>Validierungs-MSE</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a lag from 0 to 5000; give e.g. 5,20,50</source>
        <translation>„%1“ ist keine Verzögerung von 0 bis 5000; geben Sie z. B. 5,20,50 an</translation>
    </message>
    <message>
        <source>The adding problem needs a length T of at least 2.</source>
        <translation>Das Additionsproblem braucht eine Länge T von mindestens 2.</translation>
    </message>
    <message>
        <source>Choose at least one lag and one cell.</source>
        <translation>Wählen Sie mindestens eine Verzögerung und eine Zelle.</translation>
    </message>
    <message>
        <source>majority guess</source>
        <translation>Mehrheitsraten</translation>
    </message>
    <message>
        <source>chance</source>
        <translation>Zufall</translation>
    </message>
    <message>
        <source>mean predictor</source>
        <translation>Mittelwert-Vorhersage</translation>
    </message>
    <message>
        <source>Training %1 runs of %2 steps each…</source>
        <translation>Trainiere %1 Läufe mit je %2 Schritten…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Breche ab…</translation>
    </message>
    <message>
        <source>The sweep stopped: %1</source>
        <translation>Der Durchlauf wurde beendet: %1</translation>
    </message>
    <message>
        <source>Cancelled after %1 runs.</source>
        <translation>Nach %1 Läufen abgebrochen.</translation>
    </message>
    <message>
        <source>Done: %1 runs. Where a curve drops to the dashed line, that cell has stopped learning.</source>
        <translation>Fertig: %1 Läufe. Wo eine Kurve auf die gestrichelte Linie fällt, hat diese Zelle aufgehört zu lernen.</translation>
    </message>
    <message>
        <source>Adam at learning rate %1 (the GRU at %2), clipped at 1; LSTM forget-gate bias %3.</source>
        <translation>Adam mit Lernrate %1 (die GRU mit %2), Begrenzung bei 1; Bias des Vergessens-Gates im LSTM %3.</translation>
    </message>
    <message>
        <source>Adam at learning rate %1, clipped at 1; LSTM forget-gate bias %2.</source>
        <translation>Adam mit Lernrate %1, Begrenzung bei 1; Bias des Vergessens-Gates im LSTM %2.</translation>
    </message>
    <message>
        <source>language word right (%)</source>
        <translation>Sprachwort richtig (%)</translation>
    </message>
    <message>
        <source>symbols recalled (%)</source>
        <translation>Symbole erinnert (%)</translation>
    </message>
</context>
<context>
    <name>unroll::gui::TaskDocks</name>
    <message>
        <source>Samples</source>
        <translation>Textproben</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>Vorhersage</translation>
    </message>
    <message>
        <source>Long-lag sweep</source>
        <translation>Verzögerungs-Durchlauf</translation>
    </message>
    <message>
        <source>Connectivity</source>
        <translation>Konnektivität</translation>
    </message>
</context>
<context>
    <name>unroll::gui::TimelineBar</name>
    <message>
        <source>kept point at step %1</source>
        <translation>Sicherungspunkt bei Schritt %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Timeline&lt;/b&gt;</source>
        <translation>&lt;b&gt;Zeitleiste&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Kept points of this run (ticks). Pick one with the mouse or the arrow keys, then go back to it: the model, optimizer and every chart return there. Change a setting and press Play to branch; the branch left behind stays on the loss chart as a dashed curve.</source>
        <translation>Sicherungspunkte dieses Laufs (Striche). Wählen Sie einen mit der Maus oder den Pfeiltasten und kehren Sie dann zu ihm zurück: Modell, Optimierer und alle Diagramme springen dorthin zurück. Ändern Sie eine Einstellung und drücken Sie „Start“, um abzuzweigen; der zurückgelassene Zweig bleibt als gestrichelte Kurve im Verlustdiagramm.</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Zurückkehren</translation>
    </message>
    <message>
        <source>no run yet</source>
        <translation>noch kein Lauf</translation>
    </message>
    <message>
        <source>1 kept point</source>
        <translation>1 Sicherungspunkt</translation>
    </message>
    <message>
        <source>%1 kept points</source>
        <translation>%1 Sicherungspunkte</translation>
    </message>
    <message>
        <source>step %1 · %2</source>
        <translation>Schritt %1 · %2</translation>
    </message>
    <message>
        <source>Go back to step %1</source>
        <translation>Zu Schritt %1 zurückkehren</translation>
    </message>
</context>
<context>
    <name>unroll::gui::TimestepGradChart</name>
    <message>
        <source>&lt;b&gt;Gradient vs timestep&lt;/b&gt; — how much of the loss&apos;s gradient reaches each step of the latest sequence</source>
        <translation>&lt;b&gt;Gradient je Zeitschritt&lt;/b&gt; – wie viel vom Gradienten des Verlusts jeden Schritt der letzten Sequenz erreicht</translation>
    </message>
    <message>
        <source>t =</source>
        <translation>t =</translation>
    </message>
    <message>
        <source>timestep t (the loss is at the right)</source>
        <translation>Zeitschritt t (der Verlust liegt rechts)</translation>
    </message>
    <message>
        <source>‖∂L/∂hₜ‖ (log)</source>
        <translation>‖∂L/∂hₜ‖ (log)</translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation>Schicht %1</translation>
    </message>
    <message>
        <source>fit, layer %1</source>
        <translation>Anpassung, Schicht %1</translation>
    </message>
    <message>
        <source>No step yet: press Play or Step.</source>
        <translation>Noch kein Schritt: „Start“ oder „Schritt“ drücken.</translation>
    </message>
    <message>
        <source>layer %1: %2</source>
        <translation type="vanished">Schicht %1: %2</translation>
    </message>
    <message>
        <source>timestep t</source>
        <translation>Zeitschritt t</translation>
    </message>
    <message>
        <source>‖∂L/∂cₜ‖ layer %1</source>
        <translation>‖∂L/∂cₜ‖ Schicht %1</translation>
    </message>
    <message>
        <source>mean forget gate fₜ (right axis)</source>
        <translation type="vanished">mittleres Forget-Gate fₜ (rechte Achse)</translation>
    </message>
    <message>
        <source>mean update gate zₜ (right axis)</source>
        <translation type="vanished">mittleres Update-Gate zₜ (rechte Achse)</translation>
    </message>
    <message>
        <source>forget gate</source>
        <translation>Forget-Gate</translation>
    </message>
    <message>
        <source>update gate</source>
        <translation>Update-Gate</translation>
    </message>
    <message>
        <source>mean fₜ (right)</source>
        <translation>mittleres fₜ (rechts)</translation>
    </message>
    <message>
        <source>mean zₜ (right)</source>
        <translation>mittleres zₜ (rechts)</translation>
    </message>
</context>
<context>
    <name>unroll::gui::TrainingController</name>
    <message>
        <source>The studio is shutting down.</source>
        <translation>Das Studio wird beendet.</translation>
    </message>
</context>
<context>
    <name>unroll::gui::TranslationForm</name>
    <message>
        <source>no attention</source>
        <translation>ohne Attention</translation>
    </message>
    <message>
        <source>additive (Bahdanau)</source>
        <translation>additiv (Bahdanau)</translation>
    </message>
    <message>
        <source>dot (Luong)</source>
        <translation>Skalarprodukt (Luong)</translation>
    </message>
    <message>
        <source>general (Luong)</source>
        <translation>allgemein (Luong)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Stops the training run or the sweep after its current step.</source>
        <translation>Hält den Trainingslauf oder den Durchlauf nach dem laufenden Schritt an.</translation>
    </message>
    <message>
        <source>Model and training</source>
        <translation>Modell und Training</translation>
    </message>
    <message>
        <source>Reorder (subject–verb–object to subject–object–verb)</source>
        <translation type="vanished">Umstellen (Subjekt–Verb–Objekt zu Subjekt–Objekt–Verb)</translation>
    </message>
    <message>
        <source>Number words to digits (English, German)</source>
        <translation type="vanished">Zahlwörter zu Ziffern (Englisch, Deutsch)</translation>
    </message>
    <message>
        <source>Dates to ISO 8601 (English, German)</source>
        <translation type="vanished">Datumsangaben zu ISO 8601 (Englisch, Deutsch)</translation>
    </message>
    <message>
        <source>Generated sentence pairs; nothing is downloaded.</source>
        <translation type="vanished">Erzeugte Satzpaare; nichts wird heruntergeladen.</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Reorder: words per sentence; numbers: most digits; dates: dates per line. Longer sentences are where a fixed-size encoder state runs out.</source>
        <translation>Umstellen: Wörter je Satz; Zahlen: höchstens so viele Ziffern; Datumsangaben: Daten je Zeile. Bei längeren Sätzen reicht ein Encoder-Zustand fester Größe nicht mehr aus.</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Länge</translation>
    </message>
    <message>
        <source>RNN (tanh)</source>
        <translation>RNN (tanh)</translation>
    </message>
    <message>
        <source>LSTM</source>
        <translation>LSTM</translation>
    </message>
    <message>
        <source>GRU</source>
        <translation>GRU</translation>
    </message>
    <message>
        <source>Encoder and decoder cell</source>
        <translation>Zelle von Encoder und Decoder</translation>
    </message>
    <message>
        <source>Hidden size</source>
        <translation>Versteckte Größe</translation>
    </message>
    <message>
        <source>Without attention the decoder sees the source only through the encoder&apos;s final state.</source>
        <translation>Ohne Attention sieht der Decoder die Quelle nur über den letzten Zustand des Encoders.</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>Attention</translation>
    </message>
    <message>
        <source>Learning rate (Adam)</source>
        <translation>Lernrate (Adam)</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Trainieren</translation>
    </message>
    <message>
        <source>Trains this model and shows one validation sentence, its attention and the gradient that reaches each source word, live.</source>
        <translation>Trainiert dieses Modell und zeigt live einen Validierungssatz, seine Attention und den Gradienten, der jedes Quellwort erreicht.</translation>
    </message>
    <message>
        <source>Length sweep</source>
        <translation>Längen-Durchlauf</translation>
    </message>
    <message>
        <source>Comma-separated lengths, 1 to 200; one run per length and attention.</source>
        <translation>Längen durch Kommas getrennt, 1 bis 200; ein Lauf je Länge und Attention.</translation>
    </message>
    <message>
        <source>Lengths</source>
        <translation>Längen</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>Steps per run</source>
        <translation>Schritte je Lauf</translation>
    </message>
    <message>
        <source>Run sweep</source>
        <translation>Durchlauf starten</translation>
    </message>
    <message>
        <source>Trains one model per length and attention kind with the same budget and seed, and plots exact-translation accuracy against length.</source>
        <translation>Trainiert ein Modell je Länge und Attention-Art mit demselben Budget und Seed und zeichnet die Rate exakter Übersetzungen über der Länge.</translation>
    </message>
    <message>
        <source>“%1” in Lengths is not a whole number from 1 to 200; write e.g. 5,10,20,40.</source>
        <translation>„%1“ in Längen ist keine ganze Zahl von 1 bis 200; schreiben Sie z. B. 5,10,20,40.</translation>
    </message>
    <message>
        <source>Lengths is empty; write e.g. 5,10,20,40.</source>
        <translation>Längen ist leer; schreiben Sie z. B. 5,10,20,40.</translation>
    </message>
    <message>
        <source>Choose at least one kind of attention to compare.</source>
        <translation>Wählen Sie mindestens eine Attention-Art zum Vergleich.</translation>
    </message>
    <message>
        <source>Reorder: SVO → SOV</source>
        <translation>Umstellen: SVO → SOV</translation>
    </message>
    <message>
        <source>Numbers: words → digits</source>
        <translation>Zahlen: Wörter → Ziffern</translation>
    </message>
    <message>
        <source>Dates → ISO 8601</source>
        <translation>Daten → ISO 8601</translation>
    </message>
    <message>
        <source>Generated sentence pairs, nothing downloaded. Reorder: an invented lexicon, subject–verb–object in, subject–object–verb out. Numbers: English or German number words to digits. Dates: English or German dates to ISO 8601.</source>
        <translation>Erzeugte Satzpaare, nichts wird heruntergeladen. Umstellen: ein erfundener Wortschatz, Subjekt–Verb–Objekt hinein, Subjekt–Objekt–Verb heraus. Zahlen: englische oder deutsche Zahlwörter zu Ziffern. Daten: englische oder deutsche Datumsangaben zu ISO 8601.</translation>
    </message>
</context>
<context>
    <name>unroll::gui::TranslationLessonPanel</name>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Close lesson</source>
        <translation>Lektion schließen</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — step %2 of %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — Schritt %2 von %3</translation>
    </message>
    <message>
        <source>Press Run sweep.</source>
        <translation>Drücken Sie Durchlauf starten.</translation>
    </message>
    <message>
        <source>Goal: at least %1 of the validation sentences translated exactly, within %2 steps. Press Train.</source>
        <translation>Ziel: mindestens %1 der Validierungssätze exakt übersetzt, innerhalb von %2 Schritten. Drücken Sie Trainieren.</translation>
    </message>
    <message>
        <source>This step shows a model that does not reach %1 exact translations within %2 steps. Press Train.</source>
        <translation>Dieser Schritt zeigt ein Modell, das innerhalb von %2 Schritten keine %1 exakten Übersetzungen erreicht. Drücken Sie Trainieren.</translation>
    </message>
    <message>
        <source>Training: the goal is checked at every validation.</source>
        <translation>Training: Das Ziel wird bei jeder Validierung geprüft.</translation>
    </message>
    <message>
        <source>Goal met at step %1: %2 translated exactly. Press Next.</source>
        <translation>Ziel erreicht bei Schritt %1: %2 exakt übersetzt. Drücken Sie Weiter.</translation>
    </message>
    <message>
        <source>At step %1 this model reached %2 exact translations, more than the lesson expected (another seed or machine can differ).</source>
        <translation>Bei Schritt %1 erreichte dieses Modell %2 exakte Übersetzungen, mehr als die Lektion erwartete (ein anderer Seed oder Rechner kann abweichen).</translation>
    </message>
    <message>
        <source>Stopped. Press Train to run this step again.</source>
        <translation>Angehalten. Drücken Sie Trainieren, um diesen Schritt erneut auszuführen.</translation>
    </message>
    <message>
        <source>The budget of %1 steps is used: at best %2 exact (step %3), short of %4. Train again, or go on with Next.</source>
        <translation>Das Budget von %1 Schritten ist verbraucht: bestenfalls %2 exakt (Schritt %3), weniger als %4. Trainieren Sie erneut, oder machen Sie mit Weiter weiter.</translation>
    </message>
    <message>
        <source>As expected: after %1 steps this model translates at best %2 of the sentences exactly (step %3), far from %4. Press Next.</source>
        <translation>Wie erwartet: Nach %1 Schritten übersetzt dieses Modell bestenfalls %2 der Sätze exakt (Schritt %3), weit entfernt von %4. Drücken Sie Weiter.</translation>
    </message>
    <message>
        <source>The sweep stopped before its end. Press Run sweep again.</source>
        <translation>Der Durchlauf wurde vor seinem Ende angehalten. Drücken Sie erneut Durchlauf starten.</translation>
    </message>
</context>
<context>
    <name>unroll::gui::TranslationView</name>
    <message>
        <source>Attention: output step × source word</source>
        <translation>Attention: Ausgabeschritt × Quellwort</translation>
    </message>
    <message>
        <source>Row t: how the decoder spread its attention over the source words when it wrote output token t.</source>
        <translation>Zeile t: wie der Decoder seine Attention über die Quellwörter verteilte, als er das Ausgabetoken t schrieb.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Gradient reaching each source word&lt;/b&gt; ‖∂L/∂h&lt;sup&gt;enc&lt;/sup&gt;&lt;sub&gt;s&lt;/sub&gt;‖</source>
        <translation>&lt;b&gt;Gradient, der jedes Quellwort erreicht&lt;/b&gt; ‖∂L/∂h&lt;sup&gt;enc&lt;/sup&gt;&lt;sub&gt;s&lt;/sub&gt;‖</translation>
    </message>
    <message>
        <source>source position</source>
        <translation>Quellposition</translation>
    </message>
    <message>
        <source>source position s</source>
        <translation>Quellposition s</translation>
    </message>
    <message>
        <source>‖∂L/∂h‖ (log)</source>
        <translation>‖∂L/∂h‖ (log)</translation>
    </message>
    <message>
        <source>batch, per sentence</source>
        <translation>Batch, je Satz</translation>
    </message>
    <message>
        <source>the sentence above</source>
        <translation>der Satz oben</translation>
    </message>
    <message>
        <source>Loss per target token</source>
        <translation>Verlust je Ziel-Token</translation>
    </message>
    <message>
        <source>Press Train to train an encoder–decoder; one validation sentence and its translation appear here.</source>
        <translation>Drücken Sie Trainieren, um einen Encoder–Decoder zu trainieren; ein Validierungssatz und seine Übersetzung erscheinen hier.</translation>
    </message>
    <message>
        <source>The attention matrix appears with the first validation.</source>
        <translation>Die Attention-Matrix erscheint mit der ersten Validierung.</translation>
    </message>
    <message>
        <source>Shown from the first step on.</source>
        <translation>Ab dem ersten Schritt gezeigt.</translation>
    </message>
    <message>
        <source>On this step&apos;s batch the first source word gets %1 of the gradient the last one gets: little of what the first words mean can be learned.</source>
        <translation>Im Batch dieses Schritts erhält das erste Quellwort %1 des Gradienten, den das letzte erhält: was die ersten Wörter bedeuten, lässt sich kaum lernen.</translation>
    </message>
    <message>
        <source>On this step&apos;s batch the first source word gets %1 of the gradient the last one gets.</source>
        <translation>Im Batch dieses Schritts erhält das erste Quellwort %1 des Gradienten, den das letzte erhält.</translation>
    </message>
    <message>
        <source>Without attention all of it reaches the encoder through its final state, which must hold the whole sentence.</source>
        <translation>Ohne Attention erreicht er den Encoder ganz über dessen letzten Zustand, der den ganzen Satz fassen muss.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Source&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;Reference&lt;/b&gt; %2&lt;br&gt;&lt;b&gt;Model&lt;/b&gt; %3 %4</source>
        <translation>&lt;b&gt;Quelle&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;Referenz&lt;/b&gt; %2&lt;br&gt;&lt;b&gt;Modell&lt;/b&gt; %3 %4</translation>
    </message>
    <message>
        <source>(exact)</source>
        <translation>(exakt)</translation>
    </message>
    <message>
        <source>(%1 of %2 tokens right)</source>
        <translation>(%1 von %2 Tokens richtig)</translation>
    </message>
    <message>
        <source>Validation at step %1 (%2 sentences): exact %3%, token accuracy %4%, BLEU %5, character error rate %6%</source>
        <translation>Validierung bei Schritt %1 (%2 Sätze): exakt %3%, Token-Genauigkeit %4%, BLEU %5, Zeichenfehlerrate %6%</translation>
    </message>
    <message>
        <source>No attention: the decoder sees the source only through the encoder&apos;s final state.</source>
        <translation>Keine Attention: Der Decoder sieht die Quelle nur über den letzten Zustand des Encoders.</translation>
    </message>
    <message>
        <source>&lt;end&gt;</source>
        <translation>&lt;Ende&gt;</translation>
    </message>
    <message>
        <source>output %1 “%2” looks at source %3 “%4”: %5</source>
        <translation>Ausgabe %1 „%2“ schaut auf Quelle %3 „%4“: %5</translation>
    </message>
    <message>
        <source>source word</source>
        <translation>Quellwort</translation>
    </message>
    <message>
        <source>output step</source>
        <translation>Ausgabeschritt</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>training step</source>
        <translation>Trainingsschritt</translation>
    </message>
    <message>
        <source>spectral radius ρ, σ₁</source>
        <translation>Spektralradius ρ, σ₁</translation>
    </message>
    <message>
        <source>encoder ρ</source>
        <translation>Encoder ρ</translation>
    </message>
    <message>
        <source>decoder ρ</source>
        <translation>Decoder ρ</translation>
    </message>
    <message>
        <source>encoder σ₁</source>
        <translation>Encoder σ₁</translation>
    </message>
    <message>
        <source>decoder σ₁</source>
        <translation>Decoder σ₁</translation>
    </message>
    <message>
        <source>Spectral radius ρ (solid) and largest singular value σ₁ (dashed) of the candidate block of each W_hh: LSTM g, GRU n, RNN all of it.</source>
        <translation>Spektralradius ρ (durchgezogen) und größter Singulärwert σ₁ (gestrichelt) des Kandidatenblocks jeder W_hh: LSTM g, GRU n, RNN die ganze Matrix.</translation>
    </message>
    <message>
        <source>1</source>
        <translation>1</translation>
    </message>
    <message>
        <source>Gradient norm</source>
        <translation>Gradientennorm</translation>
    </message>
    <message>
        <source>Recurrent weights</source>
        <translation>Rekurrente Gewichte</translation>
    </message>
    <message>
        <source>Measured at each validation.</source>
        <translation>Bei jeder Validierung gemessen.</translation>
    </message>
    <message>
        <source>At step %1: encoder ρ %2, decoder ρ %3. Above 1 a state can grow step after step, well below 1 it fades.</source>
        <translation>Bei Schritt %1: Encoder ρ %2, Decoder ρ %3. Über 1 kann ein Zustand Schritt für Schritt wachsen, deutlich unter 1 klingt er ab.</translation>
    </message>
    <message>
        <source>‖∇L‖ (log)</source>
        <translation>‖∇L‖ (log)</translation>
    </message>
    <message>
        <source>encoder (embedding, recurrent layers)</source>
        <translation>Encoder (Einbettung, rekurrente Schichten)</translation>
    </message>
    <message>
        <source>decoder, attention and output</source>
        <translation>Decoder, Attention und Ausgabe</translation>
    </message>
    <message>
        <source>The gradient norm before clipping, split between the encoder&apos;s weights and everything after it; their squares add up to the total&apos;s.</source>
        <translation>Die Gradientennorm vor dem Begrenzen, aufgeteilt in die Gewichte des Encoders und alles danach; ihre Quadrate ergeben zusammen die des Ganzen.</translation>
    </message>
    <message>
        <source>Encoder / decoder</source>
        <translation>Encoder / Decoder</translation>
    </message>
</context>
<context>
    <name>unroll::gui::TranslationWindow</name>
    <message>
        <source>%1 encoder–decoder, hidden %2, %3; task %4, length %5</source>
        <translation>%1-Encoder–Decoder, versteckte Größe %2, %3; Aufgabe %4, Länge %5</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>Übersetzung</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Length sweep</source>
        <translation>Längen-Durchlauf</translation>
    </message>
    <message>
        <source>Train one model and watch it, or run the length sweep to compare attention kinds across sentence lengths.</source>
        <translation>Trainieren Sie ein Modell und beobachten Sie es, oder starten Sie den Längen-Durchlauf, um Attention-Arten über Satzlängen zu vergleichen.</translation>
    </message>
    <message>
        <source>Cannot start: %1</source>
        <translation>Kann nicht starten: %1</translation>
    </message>
    <message>
        <source>Training: %1 training and %2 validation pairs, %3 weights.</source>
        <translation>Training: %1 Trainings- und %2 Validierungspaare, %3 Gewichte.</translation>
    </message>
    <message>
        <source>Cannot start the sweep: %1</source>
        <translation>Kann den Durchlauf nicht starten: %1</translation>
    </message>
    <message>
        <source>Sweeping: %1 runs of %2 steps, one after another.</source>
        <translation>Durchlauf: %1 Läufe zu je %2 Schritten, nacheinander.</translation>
    </message>
    <message>
        <source>Stopping after the current step…</source>
        <translation>Halte nach dem laufenden Schritt an…</translation>
    </message>
    <message>
        <source>Training stopped: %1</source>
        <translation>Training angehalten: %1</translation>
    </message>
    <message>
        <source>Done: %1 steps. Change the attention or the length and train again, or run the length sweep.</source>
        <translation>Fertig: %1 Schritte. Ändern Sie die Attention oder die Länge und trainieren Sie erneut, oder starten Sie den Längen-Durchlauf.</translation>
    </message>
    <message>
        <source>Stopped at step %1.</source>
        <translation>Angehalten bei Schritt %1.</translation>
    </message>
    <message>
        <source>The sweep stopped: %1</source>
        <translation>Der Durchlauf wurde beendet: %1</translation>
    </message>
    <message>
        <source>Sweep stopped after %1 of %2 runs.</source>
        <translation>Durchlauf nach %1 von %2 Läufen angehalten.</translation>
    </message>
    <message>
        <source>The lesson&apos;s goal was met at step %1.</source>
        <translation>Das Ziel der Lektion wurde bei Schritt %1 erreicht.</translation>
    </message>
</context>
<context>
    <name>unroll::gui::UnrolledView</name>
    <message>
        <source>Animate the backward pass</source>
        <translation>Rückwärtsdurchlauf animieren</translation>
    </message>
    <message>
        <source>Play backpropagation through time: the gradient leaves the loss and travels back step by step; each cell shows ||dL/dh_t|| of the latest training step.</source>
        <translation>Backpropagation durch die Zeit abspielen: Der Gradient verlässt den Verlust und wandert Schritt für Schritt zurück; jede Zelle zeigt ||dL/dh_t|| des letzten Trainingsschritts.</translation>
    </message>
    <message>
        <source>backprop window: last k2 = %1 steps (update every k1 = %2)</source>
        <translation>Backprop-Fenster: letzte k2 = %1 Schritte (Update alle k1 = %2)</translation>
    </message>
    <message>
        <source>full BPTT: the gradient flows back through all T = %1 steps</source>
        <translation>volle BPTT: Der Gradient fließt durch alle T = %1 Schritte zurück</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>h%1</source>
        <translation>h%1</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>Backward pass: the red pulse carries the gradient from the loss back through W_hh, one multiplication per step. Each cell shows ||dL/dh_t|| that reached it in the latest step (yellow: large, purple: small; grey: none).</source>
        <translation>Rückwärtsdurchlauf: Der rote Puls trägt den Gradienten vom Verlust zurück durch W_hh, eine Multiplikation pro Schritt. Jede Zelle zeigt das ||dL/dh_t||, das sie im letzten Schritt erreicht hat (gelb: groß, violett: klein; grau: keins).</translation>
    </message>
    <message>
        <source>Every blue arrow is the same matrix W_hh: the gradient from the loss is multiplied by it (and the cell&apos;s derivative) once per step it travels back. %1</source>
        <translation>Jeder blaue Pfeil ist dieselbe Matrix W_hh: Der Gradient des Verlusts wird mit ihr (und der Ableitung der Zelle) einmal pro Schritt zurück multipliziert. %1</translation>
    </message>
    <message>
        <source>Loss only at the last step.</source>
        <translation>Verlust nur im letzten Schritt.</translation>
    </message>
    <message>
        <source>Loss at every step.</source>
        <translation>Verlust in jedem Schritt.</translation>
    </message>
</context>
</TS>
