<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AppOptions</name>
    <message>
        <location filename="../gui/app_options.cpp" line="17" />
        <source>Unroll: design, train and understand recurrent neural networks.</source>
        <translation>Unroll: rekurrente neuronale Netze entwerfen, trainieren und verstehen.</translation>
    </message>
    <message>
        <location filename="../gui/app_options.cpp" line="22" />
        <source>Open a demo: %1.</source>
        <translation>Eine Demo öffnen: %1.</translation>
    </message>
    <message>
        <location filename="../gui/app_options.cpp" line="26" />
        <source>Start training at once.</source>
        <translation>Das Training sofort starten.</translation>
    </message>
    <message>
        <location filename="../gui/app_options.cpp" line="29" />
        <source>Grab the whole window to FILE.png, then quit.</source>
        <translation>Das ganze Fenster als FILE.png speichern, dann beenden.</translation>
    </message>
    <message>
        <location filename="../gui/app_options.cpp" line="32" />
        <source>Seconds before the screenshot (default 5).</source>
        <translation>Sekunden bis zum Bildschirmfoto (Standard 5).</translation>
    </message>
    <message>
        <location filename="../gui/app_options.cpp" line="35" />
        <source>Interface language: en or de.</source>
        <translation>Sprache der Oberfläche: en oder de.</translation>
    </message>
    <message>
        <location filename="../gui/app_options.cpp" line="38" />
        <source>Steps per second (0 = full speed, the default).</source>
        <translation>Schritte pro Sekunde (0 = volle Geschwindigkeit, Standard).</translation>
    </message>
    <message>
        <location filename="../gui/app_options.cpp" line="48" />
        <source>--after needs seconds between 0 and 3600</source>
        <translation>--after braucht Sekunden zwischen 0 und 3600</translation>
    </message>
    <message>
        <location filename="../gui/app_options.cpp" line="53" />
        <source>--speed needs a whole number &gt;= 0</source>
        <translation>--speed braucht eine ganze Zahl &gt;= 0</translation>
    </message>
    <message>
        <location filename="../gui/app_options.cpp" line="58" />
        <source>--lang must be en or de</source>
        <translation>--lang muss en oder de sein</translation>
    </message>
    <message>
        <location filename="../gui/app_options.cpp" line="62" />
        <source>unknown demo '%1'; choose one of: %2</source>
        <translation>unbekannte Demo „%1“; verfügbar sind: %2</translation>
    </message>
</context>
<context>
    <name>GradientFit</name>
    <message>
        <location filename="../gui/gradient_fit.cpp" line="34" />
        <source>not enough gradient to fit</source>
        <translation>zu wenig Gradient für eine Anpassung</translation>
    </message>
    <message>
        <location filename="../gui/gradient_fit.cpp" line="39" />
        <source>%1 per step back: the signal keeps its size</source>
        <translation>%1 pro Schritt zurück: Das Signal behält seine Größe</translation>
    </message>
    <message>
        <location filename="../gui/gradient_fit.cpp" line="44" />
        <source>%1 per step back: the signal halves every %2 steps</source>
        <translation>%1 pro Schritt zurück: Das Signal halbiert sich alle %2 Schritte</translation>
    </message>
    <message>
        <location filename="../gui/gradient_fit.cpp" line="46" />
        <source>%1 per step back: the signal doubles every %2 steps</source>
        <translation>%1 pro Schritt zurück: Das Signal verdoppelt sich alle %2 Schritte</translation>
    </message>
</context>
<context>
    <name>RunSpec</name>
    <message>
        <location filename="../gui/run_spec.cpp" line="85" />
        <source>Vanishing: a tanh RNN on the adding problem; the gradient fades before it reaches the marked steps.</source>
        <translation>Verschwindend: ein tanh-RNN auf dem Additionsproblem; der Gradient verblasst, bevor er die markierten Schritte erreicht.</translation>
    </message>
    <message>
        <location filename="../gui/run_spec.cpp" line="88" />
        <source>Exploding: strong recurrent weights and SGD without clipping; gradient spikes.</source>
        <translation>Explodierend: starke rekurrente Gewichte und SGD ohne Begrenzung; Gradientenspitzen.</translation>
    </message>
    <message>
        <location filename="../gui/run_spec.cpp" line="90" />
        <source>LSTM: the same adding problem, solved by gates that keep the signal alive.</source>
        <translation>LSTM: dasselbe Additionsproblem, gelöst von Gates, die das Signal am Leben halten.</translation>
    </message>
    <message>
        <location filename="../gui/run_spec.cpp" line="92" />
        <source>Text: a character-level LSTM language model on the built-in prose.</source>
        <translation>Text: ein zeichenbasiertes LSTM-Sprachmodell auf dem eingebauten Text.</translation>
    </message>
    <message>
        <location filename="../gui/run_spec.cpp" line="129" />
        <source>Choose a text file first.</source>
        <translation>Wählen Sie zuerst eine Textdatei.</translation>
    </message>
</context>
<context>
    <name>unroll::gui::ChartView</name>
    <message>
        <location filename="../gui/chart_view.cpp" line="38" />
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <location filename="../gui/chart_view.cpp" line="192" />
        <source>Save chart as PNG…</source>
        <translation>Diagramm als PNG speichern…</translation>
    </message>
    <message>
        <location filename="../gui/chart_view.cpp" line="193" />
        <source>Save chart as SVG…</source>
        <translation>Diagramm als SVG speichern…</translation>
    </message>
    <message>
        <location filename="../gui/chart_view.cpp" line="198" />
        <source>Save chart</source>
        <translation>Diagramm speichern</translation>
    </message>
    <message>
        <location filename="../gui/chart_view.cpp" line="198" />
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <location filename="../gui/chart_view.cpp" line="198" />
        <source>SVG image (*.svg)</source>
        <translation>SVG-Bild (*.svg)</translation>
    </message>
</context>
<context>
    <name>unroll::gui::DataPanel</name>
    <message>
        <location filename="../gui/data_panel.cpp" line="19" />
        <source>Built-in text (character language model)</source>
        <translation>Eingebauter Text (Zeichen-Sprachmodell)</translation>
    </message>
    <message>
        <location filename="../gui/data_panel.cpp" line="20" />
        <source>Text file:</source>
        <translation>Textdatei:</translation>
    </message>
    <message>
        <location filename="../gui/data_panel.cpp" line="21" />
        <source>Adding problem, length T =</source>
        <translation>Additionsproblem, Länge T =</translation>
    </message>
    <message>
        <location filename="../gui/data_panel.cpp" line="26" />
        <source>no file chosen</source>
        <translation>keine Datei gewählt</translation>
    </message>
    <message>
        <location filename="../gui/data_panel.cpp" line="27" />
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message>
        <location filename="../gui/data_panel.cpp" line="30" />
        <source>Steps between the marked values and the answer: 2 to 5000</source>
        <translation>Schritte zwischen den markierten Werten und der Antwort: 2 bis 5000</translation>
    </message>
    <message>
        <location filename="../gui/data_panel.cpp" line="31" />
        <source>Adding problem: output the sum of the two marked values at the last step. Predicting the mean gives MSE 1/6 ≈ 0.167.</source>
        <translation>Additionsproblem: im letzten Schritt die Summe der beiden markierten Werte ausgeben. Wer nur den Mittelwert vorhersagt, erreicht MSE 1/6 ≈ 0,167.</translation>
    </message>
    <message>
        <location filename="../gui/data_panel.cpp" line="54" />
        <source>Open a text file</source>
        <translation>Textdatei öffnen</translation>
    </message>
    <message>
        <location filename="../gui/data_panel.cpp" line="55" />
        <source>Text files (*.txt *.md);;All files (*)</source>
        <translation>Textdateien (*.txt *.md);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>unroll::gui::DynamicsPanel</name>
    <message>
        <location filename="../gui/dynamics_panel.cpp" line="39" />
        <source>No probe yet.</source>
        <translation>Noch keine Messung.</translation>
    </message>
    <message>
        <location filename="../gui/dynamics_panel.cpp" line="54" />
        <source>%1% of ReLU units are dead: they pass no gradient at all.</source>
        <translation>%1 % der ReLU-Einheiten sind tot: Sie leiten keinen Gradienten weiter.</translation>
    </message>
    <message>
        <location filename="../gui/dynamics_panel.cpp" line="79" />
        <source>&lt;b&gt;Dynamics&lt;/b&gt; — how W_hh stretches signals</source>
        <translation>&lt;b&gt;Dynamik&lt;/b&gt; – wie W_hh Signale streckt</translation>
    </message>
    <message>
        <location filename="../gui/dynamics_panel.cpp" line="83" />
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../gui/dynamics_panel.cpp" line="84" />
        <source>training step</source>
        <translation>Trainingsschritt</translation>
    </message>
    <message>
        <location filename="../gui/dynamics_panel.cpp" line="27" />
        <source>forget gates are open (%1)</source>
        <translation>Vergessens-Gates sind offen (%1)</translation>
    </message>
    <message>
        <location filename="../gui/dynamics_panel.cpp" line="28" />
        <source>forget gates are %1 on average</source>
        <translation>Vergessens-Gates liegen im Mittel bei %1</translation>
    </message>
    <message>
        <location filename="../gui/dynamics_panel.cpp" line="30" />
        <source>%1% of units are saturated, where tanh′ ≈ 0</source>
        <translation>%1 % der Einheiten sind gesättigt, dort ist tanh′ ≈ 0</translation>
    </message>
    <message>
        <location filename="../gui/dynamics_panel.cpp" line="31" />
        <source>W_hh shrinks signals (ρ %1 &lt; 1)</source>
        <translation>W_hh schrumpft Signale (ρ %1 &lt; 1)</translation>
    </message>
    <message>
        <location filename="../gui/dynamics_panel.cpp" line="32" />
        <source>W_hh stretches signals (ρ %1 &gt; 1)</source>
        <translation>W_hh streckt Signale (ρ %1 &gt; 1)</translation>
    </message>
    <message>
        <location filename="../gui/dynamics_panel.cpp" line="33" />
        <source>ρ %1 ≈ 1</source>
        <translation>ρ %1 ≈ 1</translation>
    </message>
    <message>
        <location filename="../gui/dynamics_panel.cpp" line="34" />
        <source>ρ %1 ≈ 1, but tanh′ &lt; 1 damps every step</source>
        <translation>ρ %1 ≈ 1, aber tanh′ &lt; 1 dämpft jeden Schritt</translation>
    </message>
    <message>
        <location filename="../gui/dynamics_panel.cpp" line="58" />
        <source>Vanishing gradients: each step back keeps ×%1 of the signal (%2).</source>
        <translation>Verschwindende Gradienten: Jeder Schritt zurück behält ×%1 des Signals (%2).</translation>
    </message>
    <message>
        <location filename="../gui/dynamics_panel.cpp" line="61" />
        <source>Exploding gradients: each step back multiplies the signal by ×%1 (%2); clip them.</source>
        <translation>Explodierende Gradienten: Jeder Schritt zurück multipliziert das Signal mit ×%1 (%2); begrenzen Sie sie.</translation>
    </message>
    <message>
        <location filename="../gui/dynamics_panel.cpp" line="64" />
        <source>Gradients keep their size through time (×%1 per step, %2): long dependencies are learnable.</source>
        <translation>Gradienten behalten ihre Größe über die Zeit (×%1 pro Schritt, %2): Lange Abhängigkeiten sind lernbar.</translation>
    </message>
    <message>
        <location filename="../gui/dynamics_panel.cpp" line="67" />
        <source>Recurrent weights shrink signals (ρ %1 &lt; 1): expect vanishing gradients.</source>
        <translation>Rekurrente Gewichte schrumpfen Signale (ρ %1 &lt; 1): verschwindende Gradienten zu erwarten.</translation>
    </message>
    <message>
        <location filename="../gui/dynamics_panel.cpp" line="70" />
        <source>Recurrent weights stretch signals (ρ %1 &gt; 1): expect exploding gradients; clip them.</source>
        <translation>Rekurrente Gewichte strecken Signale (ρ %1 &gt; 1): explodierende Gradienten zu erwarten; begrenzen Sie sie.</translation>
    </message>
    <message>
        <location filename="../gui/dynamics_panel.cpp" line="72" />
        <source>Signals keep their size (%1).</source>
        <translation>Signale behalten ihre Größe (%1).</translation>
    </message>
    <message>
        <location filename="../gui/dynamics_panel.cpp" line="85" />
        <source>ρ, σ_max of W_hh</source>
        <translation>ρ, σ_max von W_hh</translation>
    </message>
    <message>
        <location filename="../gui/dynamics_panel.cpp" line="87" />
        <source>ρ = 1</source>
        <translation>ρ = 1</translation>
    </message>
    <message>
        <location filename="../gui/dynamics_panel.cpp" line="110" />
        <source>ρ, layer %1</source>
        <translation>ρ, Schicht %1</translation>
    </message>
    <message>
        <location filename="../gui/dynamics_panel.cpp" line="115" />
        <source>σ_max, layer %1</source>
        <translation>σ_max, Schicht %1</translation>
    </message>
    <message>
        <location filename="../gui/dynamics_panel.cpp" line="155" />
        <source>Probes run every few steps once training starts.</source>
        <translation>Messungen laufen alle paar Schritte, sobald das Training beginnt.</translation>
    </message>
    <message>
        <location filename="../gui/dynamics_panel.cpp" line="161" />
        <source>step %1</source>
        <translation>Schritt %1</translation>
    </message>
    <message>
        <location filename="../gui/dynamics_panel.cpp" line="162" />
        <source>ρ %1</source>
        <translation>ρ %1</translation>
    </message>
    <message>
        <location filename="../gui/dynamics_panel.cpp" line="163" />
        <source>σ_max %1</source>
        <translation>σ_max %1</translation>
    </message>
    <message>
        <location filename="../gui/dynamics_panel.cpp" line="164" />
        <source>saturated %1%</source>
        <translation>gesättigt %1 %</translation>
    </message>
    <message>
        <location filename="../gui/dynamics_panel.cpp" line="166" />
        <source>dead %1%</source>
        <translation>tot %1 %</translation>
    </message>
    <message>
        <location filename="../gui/dynamics_panel.cpp" line="168" />
        <source>gates i %1 · f %2 · o %3</source>
        <translation>Gates i %1 · f %2 · o %3</translation>
    </message>
    <message>
        <location filename="../gui/dynamics_panel.cpp" line="173" />
        <source>gates r %1 · z %2</source>
        <translation>Gates r %1 · z %2</translation>
    </message>
</context>
<context>
    <name>unroll::gui::GradHeatmap</name>
    <message>
        <location filename="../gui/grad_heatmap.cpp" line="18" />
        <source>&lt;b&gt;Gradient heatmap&lt;/b&gt; — ‖∂L/∂hₜ‖ per timestep over training</source>
        <translation>&lt;b&gt;Gradienten-Heatmap&lt;/b&gt; – ‖∂L/∂hₜ‖ je Zeitschritt über das Training</translation>
    </message>
    <message>
        <location filename="../gui/grad_heatmap.cpp" line="22" />
        <location filename="../gui/grad_heatmap.cpp" line="39" />
        <source>Gradients appear here once training runs.</source>
        <translation>Gradienten erscheinen hier, sobald das Training läuft.</translation>
    </message>
    <message>
        <location filename="../gui/grad_heatmap.cpp" line="61" />
        <source>training step</source>
        <translation>Trainingsschritt</translation>
    </message>
    <message>
        <location filename="../gui/grad_heatmap.cpp" line="63" />
        <source>timestep t</source>
        <translation>Zeitschritt t</translation>
    </message>
    <message>
        <location filename="../gui/grad_heatmap.cpp" line="64" />
        <source>‖∂L/∂hₜ‖</source>
        <translation>‖∂L/∂hₜ‖</translation>
    </message>
    <message>
        <location filename="../gui/grad_heatmap.cpp" line="75" />
        <source>layer %1</source>
        <translation>Schicht %1</translation>
    </message>
    <message>
        <location filename="../gui/grad_heatmap.cpp" line="83" />
        <source>step %1</source>
        <translation>Schritt %1</translation>
    </message>
    <message>
        <location filename="../gui/grad_heatmap.cpp" line="84" />
        <source>steps %1–%2</source>
        <translation>Schritte %1–%2</translation>
    </message>
    <message>
        <location filename="../gui/grad_heatmap.cpp" line="85" />
        <source>%1, t = %2&lt;br&gt;‖∂L/∂hₜ‖ = %3</source>
        <translation>%1, t = %2&lt;br&gt;‖∂L/∂hₜ‖ = %3</translation>
    </message>
    <message>
        <location filename="../gui/grad_heatmap.cpp" line="88" />
        <source>no gradient</source>
        <translation>kein Gradient</translation>
    </message>
</context>
<context>
    <name>unroll::gui::GradNormChart</name>
    <message>
        <location filename="../gui/grad_norm_chart.cpp" line="21" />
        <source>&lt;b&gt;Gradient norm&lt;/b&gt;</source>
        <translation>&lt;b&gt;Gradientennorm&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../gui/grad_norm_chart.cpp" line="28" />
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../gui/grad_norm_chart.cpp" line="29" />
        <source>training step</source>
        <translation>Trainingsschritt</translation>
    </message>
    <message>
        <location filename="../gui/grad_norm_chart.cpp" line="30" />
        <source>‖∇L‖ (log)</source>
        <translation>‖∇L‖ (log)</translation>
    </message>
    <message>
        <location filename="../gui/grad_norm_chart.cpp" line="32" />
        <source>unclipped (max)</source>
        <translation>unbegrenzt (Max.)</translation>
    </message>
    <message>
        <location filename="../gui/grad_norm_chart.cpp" line="35" />
        <source>clipped</source>
        <translation>begrenzt</translation>
    </message>
    <message>
        <location filename="../gui/grad_norm_chart.cpp" line="40" />
        <source>clip events</source>
        <translation>Begrenzungen</translation>
    </message>
    <message>
        <location filename="../gui/grad_norm_chart.cpp" line="46" />
        <source>threshold</source>
        <translation>Schwelle</translation>
    </message>
    <message>
        <location filename="../gui/grad_norm_chart.cpp" line="89" />
        <source>clipped in %1% of steps</source>
        <translation>in %1 % der Schritte begrenzt</translation>
    </message>
</context>
<context>
    <name>unroll::gui::HeatmapView</name>
    <message>
        <location filename="../gui/heatmap_view.cpp" line="197" />
        <source>Save chart as PNG…</source>
        <translation>Diagramm als PNG speichern…</translation>
    </message>
    <message>
        <location filename="../gui/heatmap_view.cpp" line="198" />
        <source>Save chart as SVG…</source>
        <translation>Diagramm als SVG speichern…</translation>
    </message>
    <message>
        <location filename="../gui/heatmap_view.cpp" line="203" />
        <source>Save chart</source>
        <translation>Diagramm speichern</translation>
    </message>
    <message>
        <location filename="../gui/heatmap_view.cpp" line="203" />
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <location filename="../gui/heatmap_view.cpp" line="203" />
        <source>SVG image (*.svg)</source>
        <translation>SVG-Bild (*.svg)</translation>
    </message>
</context>
<context>
    <name>unroll::gui::HiddenHeatmap</name>
    <message>
        <location filename="../gui/hidden_heatmap.cpp" line="33" />
        <source>&lt;b&gt;Hidden state&lt;/b&gt; — one sequence of the latest step</source>
        <translation>&lt;b&gt;Versteckter Zustand&lt;/b&gt; – eine Sequenz des letzten Schritts</translation>
    </message>
    <message>
        <location filename="../gui/hidden_heatmap.cpp" line="36" />
        <source>Layer to show</source>
        <translation>Anzuzeigende Schicht</translation>
    </message>
    <message>
        <location filename="../gui/hidden_heatmap.cpp" line="40" />
        <location filename="../gui/hidden_heatmap.cpp" line="97" />
        <source>Hidden states appear here after the first step.</source>
        <translation>Versteckte Zustände erscheinen hier nach dem ersten Schritt.</translation>
    </message>
    <message>
        <location filename="../gui/hidden_heatmap.cpp" line="72" />
        <source>unit %1, t = %2&lt;br&gt;h = %3&lt;br&gt;input: %4</source>
        <translation>Einheit %1, t = %2&lt;br&gt;h = %3&lt;br&gt;Eingabe: %4</translation>
    </message>
    <message>
        <location filename="../gui/hidden_heatmap.cpp" line="106" />
        <source>layer %1</source>
        <translation>Schicht %1</translation>
    </message>
    <message>
        <location filename="../gui/hidden_heatmap.cpp" line="123" />
        <source>timestep t</source>
        <translation>Zeitschritt t</translation>
    </message>
    <message>
        <location filename="../gui/hidden_heatmap.cpp" line="124" />
        <source>hidden unit</source>
        <translation>versteckte Einheit</translation>
    </message>
    <message>
        <location filename="../gui/hidden_heatmap.cpp" line="124" />
        <source>h</source>
        <translation>h</translation>
    </message>
</context>
<context>
    <name>unroll::gui::LossChart</name>
    <message>
        <location filename="../gui/loss_chart.cpp" line="24" />
        <source>&lt;b&gt;Loss&lt;/b&gt;</source>
        <translation>&lt;b&gt;Verlust&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../gui/loss_chart.cpp" line="27" />
        <source>Smoothing</source>
        <translation>Glättung</translation>
    </message>
    <message>
        <location filename="../gui/loss_chart.cpp" line="32" />
        <source>Exponential moving average of the training loss (0 = raw)</source>
        <translation>Exponentiell gleitender Mittelwert des Trainingsverlusts (0 = roh)</translation>
    </message>
    <message>
        <location filename="../gui/loss_chart.cpp" line="34" />
        <source>Log scale</source>
        <translation>Log. Skala</translation>
    </message>
    <message>
        <location filename="../gui/loss_chart.cpp" line="39" />
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../gui/loss_chart.cpp" line="40" />
        <source>training step</source>
        <translation>Trainingsschritt</translation>
    </message>
    <message>
        <location filename="../gui/loss_chart.cpp" line="41" />
        <location filename="../gui/loss_chart.cpp" line="70" />
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <location filename="../gui/loss_chart.cpp" line="43" />
        <source>train</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../gui/loss_chart.cpp" line="46" />
        <source>smoothed</source>
        <translation>geglättet</translation>
    </message>
    <message>
        <location filename="../gui/loss_chart.cpp" line="51" />
        <source>validation</source>
        <translation>Validierung</translation>
    </message>
</context>
<context>
    <name>unroll::gui::MainWindow</name>
    <message>
        <location filename="../gui/main_window.cpp" line="37" />
        <source>Unroll — recurrent network studio</source>
        <translation>Unroll – Studio für rekurrente Netze</translation>
    </message>
    <message>
        <location filename="../gui/main_window.cpp" line="111" />
        <source>Model designer</source>
        <translation>Modell-Designer</translation>
    </message>
    <message>
        <location filename="../gui/main_window.cpp" line="118" />
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <location filename="../gui/main_window.cpp" line="124" />
        <source>Unrolled network</source>
        <translation>Entfaltetes Netz</translation>
    </message>
    <message>
        <location filename="../gui/main_window.cpp" line="134" />
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../gui/main_window.cpp" line="135" />
        <source>Open text file…</source>
        <translation>Textdatei öffnen…</translation>
    </message>
    <message>
        <location filename="../gui/main_window.cpp" line="136" />
        <source>Save window screenshot…</source>
        <translation>Bildschirmfoto des Fensters speichern…</translation>
    </message>
    <message>
        <location filename="../gui/main_window.cpp" line="138" />
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../gui/main_window.cpp" line="141" />
        <source>&amp;Run</source>
        <translation>&amp;Training</translation>
    </message>
    <message>
        <location filename="../gui/main_window.cpp" line="146" />
        <source>&amp;Demos</source>
        <translation>De&amp;mos</translation>
    </message>
    <message>
        <location filename="../gui/main_window.cpp" line="153" />
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../gui/main_window.cpp" line="157" />
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <location filename="../gui/main_window.cpp" line="161" />
        <source>System default</source>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <location filename="../gui/main_window.cpp" line="171" />
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../gui/main_window.cpp" line="172" />
        <location filename="../gui/main_window.cpp" line="173" />
        <source>About Unroll</source>
        <translation>Über Unroll</translation>
    </message>
    <message>
        <location filename="../gui/main_window.cpp" line="174" />
        <source>&lt;b&gt;Unroll&lt;/b&gt; %1&lt;br&gt;A studio for designing, training and understanding recurrent neural networks: watch gradients vanish or explode as they travel back through time.</source>
        <translation>&lt;b&gt;Unroll&lt;/b&gt; %1&lt;br&gt;Ein Studio zum Entwerfen, Trainieren und Verstehen rekurrenter neuronaler Netze: Sehen Sie zu, wie Gradienten auf ihrem Weg zurück durch die Zeit verschwinden oder explodieren.</translation>
    </message>
    <message>
        <location filename="../gui/main_window.cpp" line="196" />
        <source>Engine: %1</source>
        <translation>Engine: %1</translation>
    </message>
    <message>
        <location filename="../gui/main_window.cpp" line="245" />
        <source>Cannot build this model</source>
        <translation>Dieses Modell kann nicht gebaut werden</translation>
    </message>
    <message>
        <location filename="../gui/main_window.cpp" line="255" />
        <source>mean predictor</source>
        <translation>Mittelwert-Vorhersage</translation>
    </message>
    <message>
        <location filename="../gui/main_window.cpp" line="256" />
        <source>unigram entropy</source>
        <translation>Unigramm-Entropie</translation>
    </message>
    <message>
        <location filename="../gui/main_window.cpp" line="293" />
        <source>● training</source>
        <translation>● trainiert</translation>
    </message>
    <message>
        <location filename="../gui/main_window.cpp" line="293" />
        <source>❚❚ paused</source>
        <translation>❚❚ pausiert</translation>
    </message>
    <message>
        <location filename="../gui/main_window.cpp" line="294" />
        <source>step %1</source>
        <translation>Schritt %1</translation>
    </message>
    <message>
        <location filename="../gui/main_window.cpp" line="295" />
        <source>%1 tokens/s</source>
        <translation>%1 Token/s</translation>
    </message>
    <message>
        <location filename="../gui/main_window.cpp" line="297" />
        <source>%1 s elapsed</source>
        <translation>%1 s vergangen</translation>
    </message>
    <message>
        <location filename="../gui/main_window.cpp" line="302" />
        <source>Step %1 was not finite; training paused.</source>
        <translation>Schritt %1 war nicht endlich; Training pausiert.</translation>
    </message>
    <message>
        <location filename="../gui/main_window.cpp" line="307" />
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../gui/main_window.cpp" line="308" />
        <source>The language changes the next time Unroll starts.</source>
        <translation>Die Sprache wechselt beim nächsten Start von Unroll.</translation>
    </message>
    <message>
        <location filename="../gui/main_window.cpp" line="312" />
        <source>Save window screenshot</source>
        <translation>Bildschirmfoto des Fensters speichern</translation>
    </message>
    <message>
        <location filename="../gui/main_window.cpp" line="313" />
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
</context>
<context>
    <name>unroll::gui::ModelDesigner</name>
    <message>
        <location filename="../gui/model_designer.cpp" line="48" />
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="52" />
        <source>RNN (tanh)</source>
        <translation>RNN (tanh)</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="53" />
        <source>RNN (ReLU)</source>
        <translation>RNN (ReLU)</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="54" />
        <source>LSTM</source>
        <translation>LSTM</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="55" />
        <source>GRU</source>
        <translation>GRU</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="56" />
        <source>The recurrent cell shared by every timestep</source>
        <translation>Die rekurrente Zelle, die alle Zeitschritte teilen</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="57" />
        <source>Cell</source>
        <translation>Zelle</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="58" />
        <source>Stacked recurrent layers: 1 to 4</source>
        <translation>Gestapelte rekurrente Schichten: 1 bis 4</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="59" />
        <source>Layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="60" />
        <source>Hidden units per layer: 1 to 1024</source>
        <translation>Versteckte Einheiten pro Schicht: 1 bis 1024</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="61" />
        <source>Hidden size</source>
        <translation>Versteckte Größe</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="63" />
        <source>One-hot</source>
        <translation>One-hot</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="64" />
        <source>Embedding</source>
        <translation>Embedding</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="65" />
        <source>How tokens enter the first layer (numeric tasks always use dense input)</source>
        <translation>Wie Token in die erste Schicht gelangen (numerische Aufgaben nutzen immer dichte Eingaben)</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="66" />
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="67" />
        <source>Embedding dimension: 1 to 512</source>
        <translation>Embedding-Dimension: 1 bis 512</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="68" />
        <source>Embedding size</source>
        <translation>Embedding-Größe</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="70" />
        <source>PyTorch default</source>
        <translation>PyTorch-Standard</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="71" />
        <source>Xavier uniform</source>
        <translation>Xavier gleichverteilt</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="72" />
        <source>Xavier normal</source>
        <translation>Xavier normalverteilt</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="73" />
        <source>He (Kaiming)</source>
        <translation>He (Kaiming)</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="74" />
        <source>Orthogonal</source>
        <translation>Orthogonal</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="75" />
        <source>Identity (IRNN)</source>
        <translation>Identität (IRNN)</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="76" />
        <source>Initialisation</source>
        <translation>Initialisierung</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="77" />
        <source>W_hh is multiplied by this after initialisation: below 1 shrinks signals, above 1 stretches them (0.05 to 5)</source>
        <translation>W_hh wird nach der Initialisierung damit multipliziert: unter 1 schrumpfen Signale, über 1 werden sie gestreckt (0,05 bis 5)</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="80" />
        <source>Recurrent gain</source>
        <translation>Rekurrente Verstärkung</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="81" />
        <source>Added to the LSTM forget-gate bias: positive values keep memory open (-5 to 10)</source>
        <translation>Wird zum Bias des LSTM-Vergessens-Gates addiert: positive Werte halten das Gedächtnis offen (-5 bis 10)</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="83" />
        <source>Forget-gate bias</source>
        <translation>Bias des Vergessens-Gates</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="86" />
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="91" />
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="91" />
        <source>SGD + momentum</source>
        <translation>SGD + Momentum</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="92" />
        <source>Nesterov</source>
        <translation>Nesterov</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="92" />
        <source>Adagrad</source>
        <translation>Adagrad</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="93" />
        <source>RMSprop</source>
        <translation>RMSprop</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="93" />
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="94" />
        <source>AdamW</source>
        <translation>AdamW</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="96" />
        <source>Optimizer</source>
        <translation>Optimierer</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="97" />
        <source>Learning rate: 0.00001 to 10; applies at the next step</source>
        <translation>Lernrate: 0,00001 bis 10; gilt ab dem nächsten Schritt</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="99" />
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="101" />
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="102" />
        <source>Global norm</source>
        <translation>Globale Norm</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="103" />
        <source>Per value</source>
        <translation>Pro Wert</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="104" />
        <source>Gradient clipping; applies at the next step</source>
        <translation>Begrenzung der Gradienten; gilt ab dem nächsten Schritt</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="105" />
        <source>Clipping</source>
        <translation>Begrenzung</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="106" />
        <source>Largest allowed norm (or |value|): 0.001 to 1000</source>
        <translation>Größte erlaubte Norm (bzw. |Wert|): 0,001 bis 1000</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="109" />
        <source>Clip threshold</source>
        <translation>Begrenzungsschwelle</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="111" />
        <source>Full</source>
        <translation>Vollständig</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="112" />
        <source>Truncated (k1, k2)</source>
        <translation>Abgeschnitten (k1, k2)</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="113" />
        <source>Backpropagation through time; applies at the next step</source>
        <translation>Backpropagation durch die Zeit; gilt ab dem nächsten Schritt</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="114" />
        <source>BPTT</source>
        <translation>BPTT</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="115" />
        <source>k1: steps between updates, at least 1 and at most k2</source>
        <translation>k1: Schritte zwischen Updates, mindestens 1 und höchstens k2</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="116" />
        <source>k1 (update every)</source>
        <translation>k1 (Update alle)</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="117" />
        <source>k2: steps backpropagated, at least k1</source>
        <translation>k2: zurückpropagierte Schritte, mindestens k1</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="118" />
        <source>k2 (backprop through)</source>
        <translation>k2 (Backprop über)</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="119" />
        <source>Sequences per step: 1 to 4096</source>
        <translation>Sequenzen pro Schritt: 1 bis 4096</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="120" />
        <source>Batch size</source>
        <translation>Batchgröße</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="121" />
        <location filename="../gui/model_designer.cpp" line="262" />
        <source>Steps per training sequence: 2 to 10000</source>
        <translation>Schritte pro Trainingssequenz: 2 bis 10000</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="122" />
        <source>Sequence length</source>
        <translation>Sequenzlänge</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="123" />
        <source>One seed drives initialisation and data order: the same seed gives the same run</source>
        <translation>Ein Seed steuert Initialisierung und Datenreihenfolge: Gleicher Seed, gleicher Lauf</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="125" />
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="133" />
        <source>Changes take effect on Apply (training restarts).</source>
        <translation>Änderungen wirken erst mit „Übernehmen“ (das Training beginnt neu).</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="138" />
        <source>Apply and restart</source>
        <translation>Übernehmen und neu starten</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="139" />
        <source>Rebuild the model with these settings, paused at step 0</source>
        <translation>Das Modell mit diesen Einstellungen neu bauen, pausiert bei Schritt 0</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="246" />
        <source>k1 (%1) must not exceed k2 (%2): an update cannot skip steps it never backpropagates through.</source>
        <translation>k1 (%1) darf k2 (%2) nicht übersteigen: Ein Update kann keine Schritte überspringen, durch die es nie zurückpropagiert.</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="249" />
        <source>k1 (%1) is longer than the sequence (%2 steps).</source>
        <translation>k1 (%1) ist länger als die Sequenz (%2 Schritte).</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="261" />
        <source>The adding problem sets the sequence length to its T (Data panel)</source>
        <translation>Das Additionsproblem legt die Sequenzlänge auf sein T fest (Bereich „Daten“)</translation>
    </message>
    <message>
        <location filename="../gui/model_designer.cpp" line="271" />
        <source>Cannot apply: %1</source>
        <translation>Nicht übernehmbar: %1</translation>
    </message>
</context>
<context>
    <name>unroll::gui::NonFiniteBanner</name>
    <message>
        <location filename="../gui/non_finite_banner.cpp" line="19" />
        <source>Lower LR ×0.1 and continue</source>
        <translation>Lernrate ×0,1 und weiter</translation>
    </message>
    <message>
        <location filename="../gui/non_finite_banner.cpp" line="20" />
        <source>Clip at norm 1 and continue</source>
        <translation>Bei Norm 1 begrenzen und weiter</translation>
    </message>
    <message>
        <location filename="../gui/non_finite_banner.cpp" line="21" />
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <location filename="../gui/non_finite_banner.cpp" line="22" />
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <location filename="../gui/non_finite_banner.cpp" line="32" />
        <source>&lt;b&gt;Training paused: step %1 was not finite&lt;/b&gt; (bad tensor: &lt;tt&gt;%2&lt;/tt&gt;, learning rate %3). The update was skipped; the last finite weights are kept.&lt;br&gt;&lt;small&gt;%4&lt;/small&gt;</source>
        <translation>&lt;b&gt;Training pausiert: Schritt %1 war nicht endlich&lt;/b&gt; (fehlerhafter Tensor: &lt;tt&gt;%2&lt;/tt&gt;, Lernrate %3). Das Update wurde übersprungen; die letzten endlichen Gewichte bleiben erhalten.&lt;br&gt;&lt;small&gt;%4&lt;/small&gt;</translation>
    </message>
</context>
<context>
    <name>unroll::gui::RunControls</name>
    <message>
        <location filename="../gui/run_controls.cpp" line="13" />
        <source>Run</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../gui/run_controls.cpp" line="17" />
        <location filename="../gui/run_controls.cpp" line="65" />
        <source>Play</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../gui/run_controls.cpp" line="19" />
        <location filename="../gui/run_controls.cpp" line="69" />
        <source>Train continuously (Space)</source>
        <translation>Fortlaufend trainieren (Leertaste)</translation>
    </message>
    <message>
        <location filename="../gui/run_controls.cpp" line="20" />
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../gui/run_controls.cpp" line="22" />
        <source>Run exactly one training step (.)</source>
        <translation>Genau einen Trainingsschritt ausführen (.)</translation>
    </message>
    <message>
        <location filename="../gui/run_controls.cpp" line="23" />
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <location filename="../gui/run_controls.cpp" line="25" />
        <source>Back to step 0 with the same seed: the same run again (Ctrl+R)</source>
        <translation>Zurück zu Schritt 0 mit demselben Seed: derselbe Lauf noch einmal (Strg+R)</translation>
    </message>
    <message>
        <location filename="../gui/run_controls.cpp" line="27" />
        <source> Speed </source>
        <translation> Tempo </translation>
    </message>
    <message>
        <location filename="../gui/run_controls.cpp" line="29" />
        <source>Full speed</source>
        <translation>Volle Geschwindigkeit</translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/run_controls.cpp" line="30" />
        <source>%n step(s)/s</source>
        <translation>
            <numerusform>%n Schritt/s</numerusform><numerusform>%n Schritte/s</numerusform></translation>
    </message>
    <message>
        <location filename="../gui/run_controls.cpp" line="31" />
        <source>Full speed, or a teaching pace to watch each step</source>
        <translation>Volle Geschwindigkeit oder ein Lehrtempo, um jedem Schritt zuzusehen</translation>
    </message>
    <message>
        <location filename="../gui/run_controls.cpp" line="34" />
        <source> Demo </source>
        <translation> Demo </translation>
    </message>
    <message>
        <location filename="../gui/run_controls.cpp" line="36" />
        <source>Vanishing gradients</source>
        <translation>Verschwindende Gradienten</translation>
    </message>
    <message>
        <location filename="../gui/run_controls.cpp" line="37" />
        <source>Exploding gradients</source>
        <translation>Explodierende Gradienten</translation>
    </message>
    <message>
        <location filename="../gui/run_controls.cpp" line="38" />
        <source>LSTM keeps the signal</source>
        <translation>LSTM erhält das Signal</translation>
    </message>
    <message>
        <location filename="../gui/run_controls.cpp" line="39" />
        <source>Character language model</source>
        <translation>Zeichen-Sprachmodell</translation>
    </message>
    <message>
        <location filename="../gui/run_controls.cpp" line="40" />
        <source>(custom)</source>
        <translation>(eigene)</translation>
    </message>
    <message>
        <location filename="../gui/run_controls.cpp" line="65" />
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../gui/run_controls.cpp" line="68" />
        <source>Pause after the current step (Space)</source>
        <translation>Nach dem laufenden Schritt anhalten (Leertaste)</translation>
    </message>
</context>
<context>
    <name>unroll::gui::TimestepGradChart</name>
    <message>
        <location filename="../gui/timestep_grad_chart.cpp" line="24" />
        <source>&lt;b&gt;Gradient vs timestep&lt;/b&gt; — how much of the loss's gradient reaches each step of the latest sequence</source>
        <translation>&lt;b&gt;Gradient je Zeitschritt&lt;/b&gt; – wie viel vom Gradienten des Verlusts jeden Schritt der letzten Sequenz erreicht</translation>
    </message>
    <message>
        <location filename="../gui/timestep_grad_chart.cpp" line="34" />
        <source>t =</source>
        <translation>t =</translation>
    </message>
    <message>
        <location filename="../gui/timestep_grad_chart.cpp" line="35" />
        <source>timestep t (the loss is at the right)</source>
        <translation>Zeitschritt t (der Verlust liegt rechts)</translation>
    </message>
    <message>
        <location filename="../gui/timestep_grad_chart.cpp" line="36" />
        <source>‖∂L/∂hₜ‖ (log)</source>
        <translation>‖∂L/∂hₜ‖ (log)</translation>
    </message>
    <message>
        <location filename="../gui/timestep_grad_chart.cpp" line="50" />
        <source>layer %1</source>
        <translation>Schicht %1</translation>
    </message>
    <message>
        <location filename="../gui/timestep_grad_chart.cpp" line="55" />
        <source>fit, layer %1</source>
        <translation>Anpassung, Schicht %1</translation>
    </message>
    <message>
        <location filename="../gui/timestep_grad_chart.cpp" line="76" />
        <source>No step yet: press Play or Step.</source>
        <translation>Noch kein Schritt: „Start“ oder „Schritt“ drücken.</translation>
    </message>
    <message>
        <location filename="../gui/timestep_grad_chart.cpp" line="94" />
        <source>layer %1: %2</source>
        <translation>Schicht %1: %2</translation>
    </message>
</context>
<context>
    <name>unroll::gui::UnrolledView</name>
    <message>
        <location filename="../gui/unrolled_view.cpp" line="91" />
        <source>backprop window: last k2 = %1 steps (update every k1 = %2)</source>
        <translation>Backprop-Fenster: letzte k2 = %1 Schritte (Update alle k1 = %2)</translation>
    </message>
    <message>
        <location filename="../gui/unrolled_view.cpp" line="93" />
        <source>full BPTT: the gradient flows back through all T = %1 steps</source>
        <translation>volle BPTT: Der Gradient fließt durch alle T = %1 Schritte zurück</translation>
    </message>
    <message>
        <location filename="../gui/unrolled_view.cpp" line="111" />
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <location filename="../gui/unrolled_view.cpp" line="114" />
        <source>h%1</source>
        <translation>h%1</translation>
    </message>
    <message>
        <location filename="../gui/unrolled_view.cpp" line="115" />
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <location filename="../gui/unrolled_view.cpp" line="168" />
        <source>Every blue arrow is the same matrix W_hh: the gradient from the loss is multiplied by it (and the cell's derivative) once per step it travels back. %1</source>
        <translation>Jeder blaue Pfeil ist dieselbe Matrix W_hh: Der Gradient des Verlusts wird mit ihr (und der Ableitung der Zelle) einmal pro Schritt zurück multipliziert. %1</translation>
    </message>
    <message>
        <location filename="../gui/unrolled_view.cpp" line="170" />
        <source>Loss only at the last step.</source>
        <translation>Verlust nur im letzten Schritt.</translation>
    </message>
    <message>
        <location filename="../gui/unrolled_view.cpp" line="171" />
        <source>Loss at every step.</source>
        <translation>Verlust in jedem Schritt.</translation>
    </message>
</context>
</TS>