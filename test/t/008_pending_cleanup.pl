# Negated searches through the GIN index while its pending list is moved
# into the tree.
#
# ginInsertCleanup (gin_clean_pending_list, VACUUM, an insert past
# gin_pending_list_limit) inserts the pending rows' keys into the tree key
# by key, and deletes the pending pages only afterwards.  Meanwhile, and
# after a crash in the middle of it, a row can be in the tree with some of
# its keys and not yet the others.  A search whose match rests on a key
# being absent ("!love", "dream & !american") must not trust that absence:
# review_ops rechecks such matches against the row.  Without that recheck
# this test finds rows that contain "love" in the answer to '!love'.
#
# One session rewrites half the rows with their own reviews (a btree-indexed
# column changes, so the updates are not HOT and every index gets the new
# row versions: the answers do not change, the pending list fills) and
# cleans the pending
# list with a small maintenance_work_mem (many flushes), several times;
# another session meanwhile runs negated searches through the index in a
# loop, until the first is done, and compares every answer with the one a
# sequential scan gave.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::RealBin/lib";

use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;
use IPC::Run;
use Time::HiRes qw(time);
use PgReviewTest;

my $ROWS = 30000;
my $ROUNDS = 6;

my $t0 = time;
my $node = review_node('pending', 'autovacuum' => 'off');
setup_review_db($node, 'rv');
$node->safe_psql('rv', qq{
	CREATE TABLE reviews (id int PRIMARY KEY, v int NOT NULL DEFAULT 0, r review NOT NULL);
	CREATE INDEX reviews_v_idx ON reviews (v);
	CREATE INDEX reviews_r_idx ON reviews USING gin (r)
		WITH (fastupdate = on, gin_pending_list_limit = 2000000);
	INSERT INTO reviews (id, r) SELECT k, gen_review(k) FROM generate_series(1, $ROWS) k;
	SELECT gin_clean_pending_list('reviews_r_idx');
	ANALYZE reviews;
});

my @queries = (q{'!love'}, q{'dream & !american'}, q{'!love & !family'});
my $seq = 'SET enable_indexscan = off; SET enable_bitmapscan = off;';
my @expected = map {
	$node->safe_psql('rv',
		"$seq SELECT count(*) FROM reviews WHERE r @@ $_\::reviewquery")
} @queries;
foreach my $i (0 .. $#queries)
{
	like(
		$node->safe_psql('rv', "SET enable_seqscan = off;\n"
			  . "EXPLAIN (COSTS OFF) SELECT count(*) FROM reviews WHERE r @@ $queries[$i]\::reviewquery"),
		qr/Bitmap Index Scan on reviews_r_idx/,
		"r @@ $queries[$i] is served by the index");
}
note("sequential scan counts: @expected");

# The writer: $ROUNDS times, fill the pending list and move it into the
# tree; then it says it is done (the reader stops on that).
$node->safe_psql('rv', 'CREATE TABLE writer_done (at timestamptz)');
my $writer_sql = "SET maintenance_work_mem = '1MB';\n";
$writer_sql .= "UPDATE reviews SET v = v + 1 WHERE id % 2 = 0;\n"
  . "SELECT gin_clean_pending_list('reviews_r_idx');\n"
  foreach 1 .. $ROUNDS;
$writer_sql .= "INSERT INTO writer_done VALUES (now());\nSELECT 'writer done';\n";

# The reader, in one session: negated searches through the index (a new
# snapshot each statement) until the writer is done, every count compared
# with the sequential scan's; says how many searches, how many wrong, and
# how many ran while a cleanup did.
my $cases = join(', ',
	map { "($_, $queries[$_]::reviewquery, $expected[$_])" } 0 .. $#queries);
my $reader_sql = qq{
SET enable_seqscan = off;
DO \$\$
DECLARE
	c record;
	n bigint;
	searches int := 0;
	wrong int := 0;
	cleaning int := 0;
BEGIN
	LOOP
		FOR c IN SELECT * FROM (VALUES $cases) v(i, q, expected) LOOP
			SELECT count(*) INTO n FROM reviews WHERE r @@ c.q;
			searches := searches + 1;
			IF n <> c.expected THEN
				wrong := wrong + 1;
				IF wrong <= 5 THEN
					RAISE WARNING 'search %: r @@ % found % rows through the index, a sequential scan %',
						searches, c.q, n, c.expected;
				END IF;
			END IF;
			PERFORM pg_stat_clear_snapshot();	-- else read once a transaction
			IF EXISTS (SELECT FROM pg_stat_activity
			           WHERE query LIKE '%gin_clean_pending_list(%' AND state = 'active'
			             AND pid <> pg_backend_pid()) THEN
				cleaning := cleaning + 1;
			END IF;
		END LOOP;
		EXIT WHEN EXISTS (SELECT FROM writer_done);
	END LOOP;
	RAISE NOTICE 'reader: % % %', searches, wrong, cleaning;
END
\$\$;
};

# Files, not -c: psql sends a file's statements one by one, so that the
# reader sees in pg_stat_activity which one the writer is running.
my (%out, %err, %h);
foreach my $who ('reader', 'writer')
{
	my $file = "$PostgreSQL::Test::Utils::tmp_check/008_$who.sql";
	PostgreSQL::Test::Utils::append_to_file($file,
		$who eq 'reader' ? $reader_sql : $writer_sql);
	($out{$who}, $err{$who}) = ('', '');
	$h{$who} = IPC::Run::start(
		[
			'psql', '-XAtq', '-v', 'ON_ERROR_STOP=1', '-d', $node->connstr('rv'),
			'-f', $file
		],
		'>', \$out{$who}, '2>', \$err{$who});
}
ok($h{writer}->finish, 'the writer session succeeded') or diag($err{writer});
like($out{writer}, qr/writer done/, 'the writer ran every round');
ok($h{reader}->finish, 'the reader session succeeded') or diag($err{reader});
my ($searches, $wrong, $during_cleanup) = $err{reader} =~ /reader: (\d+) (\d+) (\d+)/
  or diag($err{reader});
diag($1) while $err{reader} =~ /WARNING:\s+(.*)/g;
note("$searches searches, $during_cleanup of them while a cleanup ran");
cmp_ok($during_cleanup, '>', 0, 'some searches ran while the pending list was being cleaned');
is($wrong, 0, "every negated search through the index ($searches) matched the sequential scan");

# And after it all, every operator of review_ops agrees with a seq scan.
check_index_vs_seqscan($node, 'rv', 'reviews', 'reviews_r_idx', 'after the cleanups');

$node->stop;
note(sprintf('%d rows, %d rounds, %.1f s in all', $ROWS, $ROUNDS, time - $t0));
done_testing();
