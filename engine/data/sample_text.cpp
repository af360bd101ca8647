// The built-in sample text: original English prose written for Unroll (essays, a small town, a
// weather diary, letters, dialogue, numbers), so character-model demos need no file and no licence.
#include "data/sample_text.h"

namespace unroll {
namespace {

// ASCII only, about 45 KB. One raw literal per piece, concatenated by the compiler, keeps each
// literal far below the 16 KB some compilers allow for one.
constexpr char kSampleText[] =
    R"unroll(THE RIVER AND THE NETWORK

A river does not remember every drop of rain that fell on the hills. It remembers enough. After a
wet week the water runs high and brown, and for days afterwards the banks stay soft, the weirs
roar, and the children are told to keep away from the edge. After a dry month the same river is
thin and clear, and you can see the stones on the bottom and the small fish that hold still
against the current. The river carries a kind of summary of the weather it has seen. It is not a
list. It is a state.

This is the simplest way to think about a recurrent neural network. At every step it reads one new
thing, a letter or a number or a sound, and it mixes that new thing with what it already holds.
The result is a new state, and the old state is gone. Nothing is stored twice. If the network is
going to know, forty letters later, that a quotation mark was opened and never closed, then that
fact has to survive forty mixings, one after another, without being washed away.

People who hear this for the first time often ask why the network does not simply keep everything.
The answer is that keeping everything is easy and useless. A list of every letter in a book is the
book. What we want is a small state that holds the parts of the past that matter for what comes
next. Which parts matter is exactly what training has to discover.

Training works backwards. We let the network read a piece of text, we ask it at every step to
guess the next letter, and we measure how wrong the guesses were. Then we ask, for every number
inside the network, a single question: if this number had been a little larger, would the guesses
have been a little better or a little worse? The answer for the last step is easy to find. The
answer for a step long ago has to travel back through every mixing in between, and at each one it
is multiplied by something. If those somethings are small, the message fades to nothing before it
arrives. If they are large, it grows until it is meaningless. This is the old problem of vanishing
and exploding gradients, and most of the clever ideas in the field are ways of keeping that
message alive.

The long short-term memory cell, which everyone calls the LSTM, is one such idea. It gives the
state a second path, a quiet channel beside the busy one, where information can pass from step to
step almost untouched. Three small gates decide what to write into the channel, what to erase from
it, and what to read out of it. When the forget gate stays open, a fact can ride the channel for
hundreds of steps. The gated recurrent unit, or GRU, is a leaner cousin with two gates instead of
three. In practice the two behave much alike, and the choice between them is often a matter of
taste and of how much time you have.

None of this is magic. A network that has read a few thousand lines of English will first learn
that spaces are common, then that certain letters follow certain others, then that words have
shapes, and only much later that sentences begin with capitals and end with full stops. You can
watch it happen. Early samples look like this: "tee an the whe tho ande". Later ones look like
real words placed in a slightly wrong order. Later still, if the text is long enough and the
network large enough, the samples become strange little paragraphs that sound almost like the
source, the way a tune hummed from memory sounds almost like the song.

The river does not know it is a river. The network does not know it is reading. But both of them
carry the past forward in a compressed form, and both of them are shaped, over time, by what flows
through them.

)unroll"
    R"unroll(A SMALL TOWN CALLED ALDER FORD

Alder Ford sits where the old road crosses the river, at the one place for twenty miles where the
water is shallow enough to wade in late summer. There has been a bridge for three hundred years,
but the town still carries the name of the crossing that came before it. About four thousand
people live there now. Most of them could tell you where the ford used to be, and some of them
will tell you whether you asked or not.

The main street runs downhill from the church to the bridge. Along it you will find a bakery, two
pubs, a hardware shop that also sells fishing licences, a chemist, a bank that opens three
mornings a week, and a bookshop owned by a woman named Margaret Hale, who has opinions about every
book in it. On Saturdays there is a market in the square. Farmers bring eggs, honey, apples in the
autumn and potatoes all year round. A man from the next valley sells knives and sharpens them
while you wait, and he has done so for as long as anyone can remember.

The school stands at the top of the hill, behind a row of lime trees. It has seven classrooms, a
hall that doubles as a theatre, and a field that floods every other winter. When it floods, the
children are kept indoors and the teachers complain, and then the water goes down and the grass
comes back greener than before. The school bell is the same bell that hung there in 1894. It is
cracked, and it sounds like it, but nobody wants to replace it.

On the far side of the river there is a mill that no longer grinds anything. It was turned into
flats some years ago, and the wheel was left in place as a decoration. On quiet evenings you can
still hear the water working against it, a slow knocking that sounds like someone patient at a
door. The people who live in the mill say they stopped noticing it after the first week. Visitors
never stop noticing it.

Alder Ford has a library, a small one, open on Tuesdays, Thursdays and Saturdays. It has a long
table by the window where old men read the newspapers and young people do their homework, and
sometimes the two groups talk. The librarian, Tom Okafor, keeps a notebook of every question he
has been asked that he could not answer. He has filled eleven notebooks. He says that the
questions are more interesting than the answers, and that a town can be known by what it wonders
about.

Some of the questions in the notebooks are practical. How deep is the river at the bridge in
March? When was the last time the square was paved? Why do the swallows leave in September and not
in October? Others are harder. Why did my grandmother never speak about the war? Is it possible to
forget something on purpose? What did the town look like before the road? Tom writes them all down
in the same careful hand, with the date beside each one, and he does not judge them.

There is a festival every June, on the longest day of the year. The streets are closed to cars,
tables are set out along the pavement, and the brass band plays from the steps of the town hall.
The band has nineteen members, and the youngest is twelve and the oldest is eighty-one. They play
badly and happily, and when they finish the last tune, which is always the same tune, the whole
street sings along, including the people who claim not to know the words.

In winter the town is quieter. The market shrinks to a few stalls. The river rises and turns the
colour of strong tea. Smoke goes up from the chimneys in straight lines on still mornings, and the
hills behind the church are white for a week or two and then grey again. People meet in the bakery
because it is warm, and they talk about the weather because it is the one subject that belongs to
everybody.

)unroll"
    R"unroll(A WEATHER DIARY

The following notes were kept by a retired teacher in Alder Ford, who wrote down the weather every
morning for many years. These pages cover one spring.

March 1. Grey, still, 4 degrees at eight o'clock. Frost on the car but not on the grass. The river
is high after last week's rain. A heron standing at the end of the weir, not moving, like a bent
nail.

March 2. Wind from the west, strong by noon. Rain in short bursts, then sun, then rain again. The
forecast said 40 per cent chance of showers. It was more like 100 per cent chance of showers and
60 per cent chance of sun, both at once.

March 5. Clear and cold, minus 2 at dawn. The first morning I have been able to see the far hills
all year. A thin mist lay on the water meadow and burned off by ten. Blackbirds singing.

March 9. Heavy rain overnight, 18 millimetres in the gauge. The lane to the mill is under water at
the low corner. Two cars tried to go through it anyway. One made it.

March 14. Mild, 11 degrees, soft air. Daffodils open along the churchyard wall. The wind has gone
round to the south, and it smells of earth. My neighbour says it will not last. My neighbour is
usually right about these things, and usually unhappy about it.

March 15. It did not last. Sleet by afternoon, then snow, 3 centimetres by evening. The daffodils
bent over under it and looked embarrassed.

March 21. Equinox. Day and night of equal length, or near enough. Bright and breezy, 9 degrees.
The swallows are not back yet; they will come in April, around the 12th if past years are anything
to go by. I have the dates written down for the last 23 years. The earliest was April 3, the
latest April 20.

March 28. Fog all morning, so thick that the church tower disappeared at fifty paces. The sound of
the river seemed louder in it, as if the fog carried the noise instead of the light.

April 2. Warm, 14 degrees, high thin cloud. Washing dried on the line in three hours. The first
bumblebee of the year at the rosemary, a large queen, slow and heavy and in no hurry at all.

April 7. Rain, steady, all day. Good rain, the gardeners say, the kind that soaks in rather than
running off. 22 millimetres. I read two books and did not go out.

April 11. The swallows are back. Three of them over the bridge at half past six in the evening,
early by a day. I have written it in red.

April 16. A hard frost, minus 3, after a clear night. The plum blossom is browned at the edges. It
is always this way: the warm week tempts everything out, and the cold night punishes it.

April 23. Thunder in the afternoon, far off to the east at first, then overhead. Hail the size of
peas for about five minutes. The street ran with white water, and then the sun came out and it was
gone as if it had never been.

April 30. The end of a changeable month. Average morning temperature 7.4 degrees, total rain 61
millimetres, 4 frosts, 1 thunderstorm, 1 morning of fog, and the swallows back in good time. I
write these numbers down because I do not trust memory. Memory keeps the thunder and loses the
thirty quiet days that came before it.

May 6. Still and warm, 16 degrees by nine. The hawthorn is out along the river path, and the
cuckoo was calling from the wood across the water. The river is low and clear again, and the trout
are rising in the evening.

May 19. The hottest day so far, 24 degrees. People sat outside the pub with their sleeves rolled
up, squinting at the sun like it owed them money. By nine at night the air was still warm, and the
swifts were screaming over the roofs.

)unroll"
    R"unroll(LETTERS ACROSS THE WATER

Dear Ruth,

Thank you for your letter, which arrived on Tuesday with the corner torn and a stamp I had never
seen before. I read it twice at the kitchen table and once more in the garden, where the light is
better. You asked how things are here. The honest answer is that nothing much has changed, and I
mean that as good news.

The apple tree you planted before you left has grown taller than the shed. It gave us forty-one
apples last autumn, which I counted because you would have wanted me to. Most were small and sour.
A few were perfect. I made a pie from the perfect ones and chutney from the rest, and the chutney
was better than the pie, which I did not expect.

Your father is well. He has taken up the violin again after thirty years and practises every
evening at seven, in the back room, with the door closed. The door does not help very much. He
says he is getting better. I say nothing, which he understands as encouragement.

Write and tell me about the city. Tell me what you eat for breakfast and what you see from your
window, and whether the people there talk to each other on the bus. Small things. The large things
you can tell me when you come home.

With love,
Mother

Dear Mother,

It is raining here too, so you can stop worrying that I am missing the weather. It has rained for
six days. The city looks different in the rain: the streets shine, the lights double themselves in
the puddles, and everyone walks faster, as if they could get between the drops.

For breakfast I have bread and cheese and a cup of very strong coffee from the cafe on the corner.
The man who runs it is called Luis, and he has started making my coffee as soon as I open the
door, before I say anything. I am not sure whether this is friendship or efficiency. Perhaps in a
city they are the same.

From my window I can see a wall, a drainpipe, a strip of sky, and, if I lean out, the top of a
tree that I think is a plane tree. There is a pigeon that sits on the drainpipe every afternoon at
four. I have named him Gerald. He does not know this.

The people on the bus do not talk to each other. They look at their phones or out of the window,
and everyone pretends to be alone. But last week an old woman dropped a bag of oranges, and six
people chased them down the aisle at once, and for about a minute everybody was laughing. Then we
all went back to pretending. I think about that minute a lot.

The work is hard but I like it. We are building a model that reads old handwritten records and
turns them into text. It reads the letters one at a time, left to right, and it has to remember
what it saw earlier in the line to guess what comes next. When it is wrong, it is wrong in very
human ways: it confuses u with n, and it thinks every long word is a name. When it is right, it is
a little eerie, as if someone were reading over my shoulder.

Tell Father I am proud of him for the violin. Tell him to keep the door closed.

Your loving daughter,
Ruth

Dear Ruth,

Your father read your letter and laughed at the part about the door, and then practised for an
hour longer than usual, which I believe was his answer.

Your machine that reads handwriting made me think of your grandmother. She kept a diary for fifty
years in a hand so small that nobody else could read it. After she died, your aunt spent a winter
going through it with a magnifying glass. She said that by the end she could read it easily, and
that she could tell what mood Grandmother had been in from the shape of the letters alone. Perhaps
your machine will learn that too. Perhaps that is what reading is: learning the habits of one hand
until the hand disappears and only the words are left.

The river flooded the lower field in January and the ducks moved in as if they had bought it. It
has gone down now, and the ducks have gone with it, looking offended.

Come home in the summer if you can. The apple tree will be in fruit, your father will have learned
a second tune, and I will make the chutney again.

With love, as always,
Mother

)unroll"
    R"unroll(IN THE BAKERY, EARLY

The bakery opened at seven, but Anna had been there since five, and by half past six the first
loaves were cooling on the racks by the window. Her nephew Sam came in through the back door,
shaking rain off his coat.

"You're late," Anna said, without looking up from the dough.

"I'm early. You said seven."

"I said be here before seven. Before is a word with a meaning."

Sam hung his coat on the hook and washed his hands. "What do you want me to do first?"

"Trays. The rolls go in at quarter to. Then the counter, then the sign."

He lined the trays with paper and set out the rolls in rows of six, the way she had shown him,
with a thumb's width between each one. She watched him from the corner of her eye.

"Wider," she said. "They grow."

"Everything grows," Sam said. "You told me that yesterday."

"And it was true yesterday." She pushed the heel of her hand into the dough, folded it, turned it,
pushed again. "Do you know why I start at five?"

"Because you like suffering."

"Because bread takes the time it takes. You can't hurry it. You can make it warmer, you can give
it more yeast, and it will rise faster and taste of nothing. Or you can give it time, and it will
taste of something. It remembers what you did to it. Every fold, every hour. You can taste the
hours."

Sam slid the first tray into the oven and closed the door. "That sounds like something you'd put
on a poster."

"I would never put anything on a poster." She dusted her hands. "Counter."

He wiped the glass and filled the baskets. Outside, the rain had slowed to a drizzle, and the
street was turning from black to grey. A milk van went past. A dog went past, alone and
purposeful, as if late for work.

"Aunt Anna," Sam said, "can I ask you something?"

"You can ask."

"Do you ever get tired of it? The same bread, every day?"

She was quiet for a moment. The oven ticked as it warmed. "It isn't the same bread," she said at
last. "The flour is different, the weather is different, I'm different. On a wet day the dough is
slack and wants less water. On a hot day it runs away from you. Mr. Pryce comes in at ten past
seven and wants the darkest loaf, and one day he'll stop coming in, and then I'll still make the
darkest loaf and there'll be nobody to want it. No. I don't get tired of it. I get tired. That's
different."

Sam did not know what to say to that, so he turned the sign on the door from CLOSED to OPEN, even
though it was only ten to seven.

"Too early," Anna said.

"Before is a word with a meaning," said Sam.

She laughed, properly, for the first time that morning, and the first customer came in out of the
rain, and it was Mr. Pryce, and he wanted the darkest loaf.

)unroll"
    R"unroll(ON MEMORY

There are at least two kinds of memory, and we use the same word for both. One kind is a record:
the photograph in a drawer, the entry in a ledger, the receipt in a coat pocket. It does not
change unless someone changes it. The other kind is a habit of the mind, a way of being changed by
the past. It is always being rewritten. Every time you remember your first day at school, you
remember it a little differently, because you are remembering it with the person you are today.

Computers are very good at the first kind. A disk will keep a file for years, every byte in place.
They have been much worse at the second kind, and for a long time nobody thought it mattered. Then
people began to build machines that had to understand speech, or translate a sentence, or predict
the next word, and they found that a record is not enough. To understand the end of a sentence you
have to have been changed by its beginning.

A recurrent network has only the second kind of memory. It has no drawer and no ledger. It has a
state, a few hundred numbers, and at every step those numbers are rewritten. Whatever the network
knows about the past must be written, somehow, into those numbers. This is a severe limit, and it
is also the source of the network's power, because it forces the network to decide what to keep.

Think of a person reading a long novel. By page three hundred they cannot recite page twelve, but
they know that the old man in the garden is the heroine's uncle, that he lied about the letter,
and that the rain has not stopped since chapter four. They have kept what matters and let the rest
go. Nobody told them which parts would matter. They guessed, and mostly they guessed well, because
they have read other novels and know how such stories tend to go.

A network learns to guess in the same way, by practice. At first its state holds a blur of the
last few letters. With training, some of its numbers begin to specialise. One might track whether
we are inside a quotation. Another might count how far we are into a line, so that the network can
predict a line break at about the right place. Another might switch on at the start of a word and
off at the end. Researchers have found cells like these by watching networks read, and it is
always a small thrill to see one: a single number, among hundreds, that has quietly taught itself
to do one useful thing.

Most of the state is not so easy to read. Most of it is a tangle of partial signals, each number
doing a little of several jobs. That is true of people too. We like to say that we remember a
face, or a tune, or a street, as if each were filed in its own place. But the face is tangled up
with the voice, the voice with the room, the room with the weather on that day. Pull one thread
and the others come with it.

There is a kind of forgetting that is a failure, and a kind that is a skill. A network that cannot
forget fills its state with noise. It keeps the spaces and the commas of three lines ago and has
no room left for the name of the speaker. The forget gate of an LSTM is, in this sense, one of its
most important parts: it is the part that decides, at every step, what can safely be let go.

Old people sometimes say that they remember their childhood better than last week. Perhaps this is
not a failure either. Perhaps the childhood was rehearsed, told and retold, until it wore a deep
channel, and last week has not yet had the chance. Memory is not a store. It is a river bed,
shaped by what has flowed through it most often.

)unroll"
    R"unroll(NUMBERS FROM THE MARKET

Every Saturday the market clerk writes the day's figures in a green ledger, and every December she
adds them up. Here is how one year looked, in her words.

"We had 49 market days this year. We lost 3 to the weather: one to snow in January, one to the
flood in February, and one in August when the wind took two awnings into the river. On an ordinary
Saturday we have between 18 and 24 stalls. The busiest day was the second Saturday of December,
with 31 stalls and, by my count at the gate, about 1,400 visitors. The quietest was a wet day in
March with 11 stalls and perhaps 200 visitors, most of whom came for the bakery and left.

"The egg stall sold roughly 600 eggs a week in spring and 350 a week in winter, because the hens
lay less when the days are short. Honey sold best in October. Apples began in late August and
lasted until February, when the last of the stored fruit went soft. The knife man sharpened 2,113
blades, which he knows because he keeps a tally on the inside of his van door, five strokes at a
time.

"Pitch fees were 12 pounds a day for a small stall and 18 for a large one. Total income for the
year was a little under 16,000 pounds, and after the cost of the cleaners, the lights for the
winter evenings and the new awnings, we made a profit of 742 pounds and 50 pence. I have asked the
council to spend it on a second bench by the fountain, because the first one is always full."

A clerk's numbers are a kind of memory too, the first kind, the ledger kind. They do not tell you
what the December crowd sounded like, or how the square smelled of oranges and woodsmoke. But they
keep what people forget. Ask anyone in Alder Ford and they will tell you the market was busier ten
years ago. The green ledgers say it is busier now, by about 9 per cent. Nobody believes the
ledgers.

A RECIPE FOR A PLAIN LOAF

500 grams of strong white flour.
10 grams of salt.
7 grams of dried yeast, or 15 grams of fresh.
350 millilitres of water, warm but not hot.

Mix the flour and salt in a large bowl. Stir the yeast into the water and wait five minutes. Pour
the water into the flour and mix with one hand until there is no dry flour left. Cover the bowl
and leave it for 20 minutes; this rest lets the flour drink the water, and the dough will be
easier to work afterwards. Knead for 10 minutes, until the dough is smooth and springs back when
pressed. Leave it to rise in a warm place for one to two hours, until doubled in size. Shape it,
put it in a tin, and let it rise again for 45 minutes. Bake at 220 degrees for 30 to 35 minutes.
It is done when the bottom sounds hollow when you knock on it. Let it cool for at least an hour
before you cut it. This is the hardest step.

THE TIMETABLE

The bus to the city leaves the square at 7:05, 8:35, 10:35, 12:35, 14:35, 16:35 and 18:05, Monday
to Saturday. On Sundays there are only two buses, at 10:15 and 16:15. The journey takes 55 minutes
if nothing goes wrong and 70 if the bridge at Marten Cross is closed for repairs, which it is more
often than not. A return ticket costs 6 pounds 40. Children under 5 travel free, and children
under 16 pay half, though the driver has never once asked anyone how old they are.

)unroll"
    R"unroll(A WALK ALONG THE RIVER PATH

The path starts behind the church, goes down a flight of forty-two stone steps, and comes out
among the willows at the water's edge. From there it follows the river for six miles, past the
mill, under the railway bridge, through two fields of cows and a wood of old oaks, until it
reaches the village of Low Marten, where there is a pub with a garden and a view back the way you
came.

In the first mile the river is wide and slow. It moves so gently that the surface looks like
polished metal, and the reflections of the trees are sharper than the trees themselves. Moorhens
pick their way along the edge. In summer the water is thick with weed, long green ribbons that all
lean the same way, showing you the current that the surface hides.

At the mill the river narrows and drops. The old weir is a slope of grey stone with the water
pouring over it in a smooth sheet, and below it the river breaks into foam and then gathers itself
again. This is where the fishermen stand. They stand very still, for hours, and when you ask if
they have caught anything they say "not yet", as if it were only a matter of time.

Under the railway bridge it is suddenly cool and dark and the sound of the water fills the arch.
Children shout here to hear the echo. Adults do too, when they think nobody is listening. Pigeons
live in the ironwork and clap away in alarm whenever a train goes over, which is once an hour in
each direction.

The fields beyond the bridge belong to a farmer named Evans, who has put up a sign that says
PLEASE CLOSE THE GATE, and under it, in smaller letters, a second sign that says I MEAN IT. The
cows are curious and harmless. They will walk up to you, stare, and then lose interest, like
people at a party who thought you were someone else.

The oak wood is the oldest thing on the walk. Some of the trees were already large when the bridge
in Alder Ford was built. Their trunks are hollow, their branches twisted, and in spring the ground
beneath them is blue with bluebells for as far as you can see. It is very quiet in the wood. The
river is still there, off to your left, but you hear it less as a sound than as a kind of
pressure, a fact about the place.

Then the trees open out, the path climbs a little, and you can see the roofs of Low Marten ahead.
By now the river has changed again. It is brown and quick after rain, clear and lazy after a dry
spell, and it is never quite the same river two days running. You could walk this path every week
of your life and not see the same water twice. That is the oldest thing anyone ever said about
rivers, and it is still true.

A CONVERSATION ABOUT LEARNING

"So what does it actually learn?" asked Priya. She had her feet up on the desk and a cup of tea
balanced on her knee, which was against the rules of the lab and had been for years.

"It learns to predict the next character," said Daniel. "That's all we ask of it."

"That's all? It seems like a small thing."

"It's a small question with a large answer. To predict the next letter well, you have to know
spelling. To know where a word ends, you have to know which words exist. To know whether the next
thing is a comma or a full stop, you have to have some idea of how long sentences run. And to
close a quotation mark you opened sixty characters ago, you have to remember that you opened it."

"And it learns all that from one question."

"From one question asked a few million times, yes. Each time it's wrong, every weight gets nudged
a tiny bit in the direction that would have made it less wrong. After enough nudges, the weights
hold something like a model of the text."

Priya frowned. "How do you know when it's done?"

"You never know for certain. You watch two curves. One is the loss on the text it trains on. That
one almost always goes down. The other is the loss on text it has never seen, which we hold back
for checking. If that one goes down too, it's learning something general. If it levels off while
the training loss keeps falling, it has started to memorise, and you should stop, or give it more
text, or make it smaller."

"Memorise. Like a student who learns the answers but not the subject."

"Exactly like that. It can recite the training text and is lost on anything else."

"And what's a good number? For the loss?"

Daniel turned his screen towards her. "See this flat line? That's the entropy of the letters on
their own, with no context at all. It's what you'd score if you only knew that e is common and z
is rare. Anything above that line, the model has learned less than a frequency table. Anything
well below it, it has learned to use the past. This run started above the line, crossed it after
about two hundred steps, and it's still going down."

"It's very satisfying to watch," Priya admitted.

"It's the most satisfying thing in the world. Until it goes to NaN."

"What's NaN?"

"Not a number. It's what you get when the gradients explode and the arithmetic gives up. That's
why we clip them: if the total gradient is too large, we scale it down before taking the step.
It's a very crude fix, and it works remarkably well."

Priya lifted her tea, looked at the screen, and put the tea down again. "Show me a sample."

He pressed a key, and the network began to write, one letter at a time, a sentence about a river
that had never existed, in a town that almost did.

)unroll"
    R"unroll(THE FLOOD OF THE LONG WINTER

It had rained for nine days when the river came over the wall. Nobody was surprised, exactly. The
old people had been watching the marks on the bridge pier, where the heights of past floods are
cut into the stone with their years beside them, and on the seventh day the water had passed the
mark for 1968. On the eighth it passed the mark for 1947. On the ninth, at about four in the
morning, it reached the line that has no year beside it, only a cross, and then it kept going.

Joe Marsh, who kept the hardware shop, was woken by his dog. "She never barks at night," he said
later. "Never. So I went down to see what was wrong, and I put my foot in cold water on the bottom
stair, and I knew."

By six the lower half of the main street was under a foot of brown water. It came in under the
doors and through the floorboards and filled the cellars from below. It carried things: a wheelie
bin, a bench from the square, a great many apples from somewhere, bobbing along like a crowd of
small red heads. The bakery, being higher, stayed dry, and Anna opened at five as usual and began
handing out bread and tea to anyone who came up the hill.

"How bad is it at the bottom?" she asked the first man through the door, who was soaked to the
knees.

"Bad. The pub's got water in the bar. The bookshop's all right, Margaret moved everything upstairs
last night. She said she'd had a feeling."

"Margaret always has a feeling."

"Well, this time it was the right one."

The fire brigade came from the city at eight, with a boat and a pump, though the pump was no use
while the river was still rising. They went door to door in the boat, checking on the people who
lived alone. Most were fine. Old Mrs. Kerr, at number 12, was found sitting on her stairs in her
coat and hat, with her cat in a basket on her knee and a flask of tea beside her. "I've seen three
of these," she told the firemen. "I knew you'd come. I was only waiting for you to finish with the
others."

The water peaked at about eleven and began, very slowly, to fall. By evening it had left the
street, leaving behind a line of mud on every wall at exactly the same height, so that the whole
town looked as if someone had drawn a ruler across it. The smell was terrible. The clearing up
took weeks.

But people remember other things too. They remember that the school hall was opened and filled
with camp beds, and that nobody had to use them because everybody who was flooded was taken in by
someone who was not. They remember that the brass band, which practises on Wednesdays, practised
anyway, in the church, and played the festival tune in February for no reason at all, and that it
sounded better than it ever had in June. They remember Joe Marsh's dog, who was given a sausage by
nearly every person in the town and was sick on the Thursday.

When the water had gone, a man from the council came with a chisel and cut a new mark into the
bridge pier, above the cross, with the year beside it. Children go and stand next to it now and
reach up to touch it, and it is higher than most of them can reach.

"Will it happen again?" a girl asked her grandfather, standing by the mark.

"It will," he said. "Not next year, probably. Not the year after. But the river remembers the way
down, and one day it'll come looking for it."

"That's a bit frightening."

"It's a bit frightening," he agreed. "But we'll remember too. That's what the marks are for."

)unroll"
    R"unroll(THE SWALLOWS COME BACK

Every year, some time in the middle of April, somebody in Alder Ford sees the first swallow and
tells everybody else. It is a small competition, never announced and never forgotten. Last year it
was the postman, who saw two over the school field at twenty past seven in the morning and
mentioned it at every house on his round. By lunchtime the whole town knew. "Swallows are back!"
people said to each other in the bakery, in the queue at the chemist, across garden fences, as if
it were news of a birth.

The swallows have come a long way. They spend the winter in southern Africa, more than six
thousand miles to the south, and they fly back over deserts and mountains and the sea, at about
two hundred miles a day, to the same valley, the same street, often the same barn they left in
September. The young birds that hatched here last summer have made the journey only once, in the
other direction, and yet they find their way back. Nobody is entirely sure how. The sun, the
stars, the shape of the land, the pull of the earth itself: all of these seem to play a part.

What strikes me is that the bird carries the whole route inside it, and it is not a map. There is
no drawer in a swallow's head with a chart folded up in it. There is only a small brain that has
been shaped, over a great many generations, to turn what it sees and feels at each moment into the
next beat of its wings. Step by step, day by day, the state of the bird carries it home.

The children at the school keep a swallow chart on the wall of the entrance hall. Each year has a
row, each row has a date, and beside the date is the name of whoever saw the first bird. The chart
goes back to 1979. Some of the names on it belong to people who are now grandparents, and a few of
them still come to look at it. "That's me," said an old man last spring, pointing to a row near
the top, in faded blue ink. "April the 9th, 1981. I was eight. I ran all the way to school to
write it down before anyone else could!" He was very pleased about it, forty years later, and he
had every right to be.

A SHORT EXCHANGE IN A CLASSROOM

"Miss, why do we have to learn the times tables when the computer can do it?"

"Because the computer can't do it for you when you're standing in the market with three pounds in
your pocket, trying to work out whether you can afford four apples at sixty pence each."

"I can, though. That's two forty."

"There you are, then. You've just proved my point."

"That's not fair!"

"It's perfectly fair. Now: seven times eight?"

"Fifty-six."

"Nine times six?"

"Fifty-four. Miss, does the computer learn its tables too?"

"In a way. A computer that learns from examples has to see a great many of them before it gets the
pattern, far more than you did. But once it has the pattern, it doesn't forget it on a Monday
morning."

"I don't forget them on Monday mornings."

"Twelve times eleven?"

"...Can I answer on Tuesday?"

)unroll"
    R"unroll(NOTES FOR SOMEONE TRAINING THEIR FIRST NETWORK

1. Start small. A network with 64 hidden units and a single layer, trained on a few tens of
thousands of characters, will teach you more in ten minutes than a large one will teach you in a
day, because you will actually watch it. Make it bigger only when you can see that it has stopped
improving and is not yet memorising.

2. Look at the loss before you train. A network that knows nothing, with V characters in its
vocabulary, should score about the natural log of V. For 64 characters that is about 4.16. If your
first loss is much higher than that, something is wrong with the initialisation or the data, and
no amount of training will fix it.

3. Then find the floor you must beat. The entropy of the character frequencies, with no context at
all, is usually somewhere between 2.8 and 3.3 for English text. A model that gets below 2.0 has
learned to spell. A model that gets below 1.5 has learned a fair amount about words and
punctuation.

4. The learning rate matters more than anything else. Too small, and the loss creeps down so
slowly that you give up. Too large, and it jumps around, or climbs, or turns into NaN. For Adam,
something between 0.001 and 0.003 is a reasonable place to start. Change it by factors of three,
not by small steps: 0.0003, 0.001, 0.003, 0.01.

5. Clip the gradient. A maximum norm of 1 or 5 is common. It costs almost nothing and saves you
from the rare batch that would otherwise throw the weights somewhere they never come back from.

6. Watch the gates. In an LSTM, if the forget gate is almost always near zero, the cell forgets
everything at every step and is no better than a plain recurrent network. Some people start the
forget bias at 1 for exactly this reason, so that the cell begins by remembering and learns what
to forget, rather than the other way around.

7. Sample often. The loss is a number; a sample is a picture. You will learn more from reading one
paragraph of the network's writing than from staring at the fourth decimal place of a curve. Try a
low temperature, like 0.5, for safe and repetitive text, and a high one, like 1.2, for wild and
inventive nonsense. Somewhere in between is the network's honest voice.

8. Try the adding problem. Give the network a long list of random numbers between 0 and 1, mark
two of them, and ask for their sum at the very end. Guessing 1 every time gives a mean squared
error of about 0.167, so that is the number to beat. With 50 steps most cells solve it. With 200
steps a plain network usually fails and an LSTM usually, after a long wait, succeeds. There is no
better way to see with your own eyes why gates were invented.

9. Keep notes. Write down what you changed and what happened, with the date. In a week you will
not remember which run was which, and the notes will be the only thing that knows.

10. Be patient. Bread takes the time it takes, and so does this.

A LAST LETTER

Dear Mother,

I am coming home on the 14th, on the 16:35 bus, if the bridge at Marten Cross is open. If it is
not, I will be on the same bus, fifteen minutes later, and in a worse mood.

The model that reads old records is finished, or as finished as such things ever are. Last week we
gave it a page it had never seen, a list of births from a parish a hundred miles from here,
written in 1821 in a hand that I could barely read myself. It read all of it. It made four
mistakes, and three of them were mistakes I would have made too. The fourth was a name, Thomasina,
which it read as Thomas ina, as if the clerk had changed his mind halfway through. I have decided
to forgive it.

I keep thinking about what you wrote about Grandmother's diary, about learning the habits of one
hand until the hand disappears. I think you were right. The model does not know what a letter is
or what a name is. It only knows how these particular marks tend to follow one another. But that
turns out to be most of reading, and I am no longer sure where the rest of it begins.

Tell Father I would like to hear the second tune. Tell him he may leave the door open.

I will bring oranges for the bus.

Your loving daughter,
Ruth

)unroll"
    R"unroll(THE LIBRARIAN'S NOTEBOOK

From the eleventh notebook of Tom Okafor, librarian of Alder Ford. He writes down the questions he
cannot answer, with the date, and sometimes a note on who asked.

3 February. Why is the sky dark at night if there are so many stars? (A girl of about nine. I told
her I would find out. I have found three explanations, and I do not fully understand any of them.)

10 February. How many bridges have there been at Alder Ford, and what happened to the first one?
(Mr. Evans, the farmer. The parish records mention a wooden bridge that was "taken by the water"
in 1703, but nothing earlier.)

17 February. Can a person learn a language after the age of sixty? (A retired engineer, learning
Portuguese to talk to his grandson. He is doing well. I think the answer is yes, slowly.)

2 March. Is there a word for the smell of rain on dry ground? (There is, but the woman who asked
wanted a better one.)

9 March. Why does time seem to go faster as you get older? (Two people asked this on the same day,
separately. One was forty, the other eighty-six. The older one said it was because each year is a
smaller part of your life. The younger one said it was because nothing new happens. I suspect they
are both right.)

16 March. How does a machine learn to write? (A boy of fifteen, who had seen a computer write a
poem. I showed him a book on neural networks. He read the first chapter and came back to say that
it was mostly arithmetic. I said that most things are, if you look closely enough. He did not look
convinced, but he took the second volume home.)

23 March. Where do the eels in the river come from? (The answer, I learned, is the Sargasso Sea,
thousands of miles away. They cross the ocean as tiny transparent larvae, live in our river for
twenty years, and then swim all the way back to breed and die. Nobody has ever seen them do it. I
have thought about this every day since.)

30 March. What is the oldest thing in Alder Ford? (The stones in the churchyard wall, perhaps, or
the oaks along the river path. Or the river itself, though the water in it is never more than a
few days old.)

6 April. Why do we dream? (No answer. Many theories. I wrote down four of them, and the man who
asked said he preferred his own, which involved cheese.)

13 April. If a story is told enough times, does it become true? (Asked by the woman who runs the
bakery. I think she was joking. I am not sure.)

20 April. How long would it take to read every book in the library? (There are 14,260 books. At
one book a week, about 274 years. At one book a day, 39 years. I told the boy who asked that he
had better start today. He borrowed three.)

27 April. What happens to the questions nobody writes down?

That last one was mine. I do not have an answer for it either.

NIGHT, AND THE SAME RIVER

Late in the evening, when the pubs have closed and the last bus has gone back to the city, Alder
Ford goes quiet in layers. First the cars stop. Then the voices in the square thin out and
disappear. Then the dogs settle, and the last lights go off in the upstairs windows along the main
street, one by one, as if someone were walking down the hill and switching them off.

What is left is the river. It was there all day, under the noise, and now it is the only thing you
can hear. It sounds different at night. In the day it chatters; at night it seems to be saying one
long sentence that never quite ends. If you stand on the bridge you can feel it through the stone,
a faint steady trembling, the weight of all that water leaning on the piers.

The river does not sleep. It carries the day's rain down from the hills, and the leaves, and the
small lost things that children drop from the bridge: a ball, a shoe, a paper boat with a name
written on it in pencil. By morning they are miles away. By next week they are in the sea. The
river keeps nothing, and yet it is shaped by everything. Its banks are where they are because of a
thousand floods that nobody remembers. Its pools are deep where the current has worked at them for
centuries. It is a memory made of motion.

This is, in the end, what a recurrent network is too. Not a library, not a ledger, but a current.
Each new input flows into it and is mixed with everything that came before, and what comes out is
shaped by a history it does not store. We train it by letting text flow through it, millions of
letters, and nudging its banks a little at a time, until the current runs the way the text runs.
And then, if we are patient and a little lucky, we can ask it to keep flowing on its own, and it
writes us a few lines about a town it has never seen, beside a river that is only a pattern of
numbers, and for a moment it sounds almost like home.
)unroll";

}  // namespace

std::string_view builtin_sample_text() { return {kSampleText, sizeof(kSampleText) - 1}; }

TextCorpus builtin_corpus(double val_fraction) {
  return TextCorpus::from_text("builtin", builtin_sample_text(), val_fraction);
}

}  // namespace unroll
