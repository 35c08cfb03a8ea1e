-- Fixture reviews for the regression tests (original text written for
-- pg_review).  Loaded by sql/review_spoilers.sql.
CREATE TABLE fixtures (id int PRIMARY KEY, r review NOT NULL);
INSERT INTO fixtures VALUES
(1, E'---\ntitle: Salt and Iron\nrating: 4/5\n---\nA patient drama about a family of fishermen on a northern island. The photography of the grey sea is stunning and the cast never overplays. ||In the last scene Magnus sinks the trawler to collect the insurance.|| The score, all low strings, is the best of the year.'),
(2, E'---\ntitle: The Quiet Floor\nrating: B\n---\nAn office comedy that slowly turns into something sadder. The jokes land more often than not. In the end, the manager is fired and Priya takes over the whole department. The final shot of the empty car park is haunting.'),
(3, E'NOTE: This review contains spoilers\nA road movie about two retired nurses driving to the coast. The banter is sharp and the scenery is lovely. In Lisbon, Helen confesses that she stole the money, and Rosa forgives her on the beach.'),
(4, E'Spoilers ahead!\nA heist film with more style than sense. >!The getaway driver was an undercover detective all along.!< The editing is frantic and the soundtrack is loud.'),
(5, E'---\nlang: fr\ntitle: La Maison du Port\n---\nUn beau film sur une famille de marins bretons. Les acteurs sont justes. (view spoiler)[À la fin, le grand-père disparaît en mer pendant la tempête.(hide spoiler)] La lumière est superbe.'),
(6, E'---\nlang: ja\ntitle: 雪の駅\n---\n雪国の小さな駅を舞台にした静かな映画だ。俳優の演技が自然で良い。<spoiler>最後に駅長は列車に轢かれて亡くなる。</spoiler>音楽も美しい。'),
(7, E'---\nlang: de\ntitle: Der Fährmann\n---\nEin stiller Film über einen alten Fährmann an der Elbe. Die Bilder sind wunderschön. [spoiler=Ende]Am Ende ertrinkt sein Sohn im Fluss.[/spoiler] Die Musik bleibt zurückhaltend.'),
(8, E'A bright musical about a school choir preparing for a national contest. The songs are catchy and the young cast is charming. <details><summary>Twist</summary>The choir loses the final because the conductor sabotaged the piano.</details> Bring tissues and snacks.'),
(9, E'A documentary about beekeepers in the mountains. It is informative and gentle, with lovely close-ups of the hives. Nothing here could be spoiled.'),
(10, E'---\nlang: es\ntitle: El Último Tren\n---\nUna película lenta sobre un pueblo minero. La fotografía es preciosa. !!Al final, el minero muere en el derrumbe y su hija abandona el pueblo.!! La música acompaña bien.'),
(11, E'A space opera with dazzling effects and a thin script. The captain is played with real charm. Halfway through, the android reveals that Earth was destroyed decades ago, and the crew mutinies. The last act drags, but the visuals carry it.'),
(12, E'A small horror film set in a lighthouse. <span class="spoiler">The keeper was dead from the first night and the visitor has been talking to his ghost.</span> Good sound design; cheap scares.');
