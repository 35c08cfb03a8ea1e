# Crash recovery of review data and of its GIN index (review_ops).
#
# Four psql sessions insert generated reviews in committed batches of 20
# rows (each batch also records itself in "committed", in the same
# transaction) and print "ack W B" once COMMIT has returned.  While they
# run, the postmaster is killed with SIGKILL.  After the restart (WAL
# replay) the test proves:
#  - every acknowledged batch is present, with all its 20 rows, and no row
#    of an uncommitted batch is visible (atomicity); at most the one batch
#    whose COMMIT was in flight per session is present without an ack;
#  - every row equals the review generated from its seed (no torn values);
#  - the btree primary key passes amcheck (heapallindexed);
#  - for every operator of review_ops, an index scan returns exactly the
#    rows of a sequential scan (the GIN index was replayed correctly);
#  - inserting after recovery works and is found through the index, also
#    after the pending list has been merged into the tree.
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

my $NWORKERS = 4;
my $BATCH = 20;          # rows per committed transaction
my $MAXBATCH = 5000;     # per session; never reached before the kill
my $KILL_AFTER = 400;    # committed batches (all sessions) before the kill

my $t0 = time;
my $node = review_node('crash',
	# Flush the GIN pending list into the tree often, so that both the
	# fast-update path and the tree insertions are in the WAL.
	'gin_pending_list_limit' => '64',
	'max_wal_size' => '64MB',
	'log_min_messages' => 'warning');
setup_review_db($node, 'rv');
$node->safe_psql('rv', q{
	CREATE TABLE reviews (id bigserial PRIMARY KEY, w int NOT NULL, b int NOT NULL,
	                      k int NOT NULL, seed bigint NOT NULL, r review NOT NULL);
	CREATE INDEX reviews_r_idx ON reviews USING gin (r);
	CREATE TABLE committed (w int, b int, PRIMARY KEY (w, b));
	-- some rows before the load, so that a checkpoint has something to write
	INSERT INTO reviews (w, b, k, seed, r)
	SELECT 0, 0, k, k, gen_review(k) FROM generate_series(1, 500) k;
	INSERT INTO committed VALUES (0, 0);
	CREATE EXTENSION amcheck;
});

# The sessions: each runs its whole script.
my (@h, @out, @err);
foreach my $w (1 .. $NWORKERS)
{
	my $script = '';
	foreach my $b (1 .. $MAXBATCH)
	{
		my $base = $w * 10_000_000 + $b * 100;
		$script .= "BEGIN;\n"
		  . "INSERT INTO reviews (w, b, k, seed, r) SELECT $w, $b, k, $base + k, gen_review($base + k) FROM generate_series(1, $BATCH) k;\n"
		  . "INSERT INTO committed VALUES ($w, $b);\n"
		  . "COMMIT;\n"
		  . "\\echo ack $w $b\n";
	}
	# A file, not stdin: IPC::Run feeds stdin only while the parent pumps.
	my $file = "$PostgreSQL::Test::Utils::tmp_check/crash_session_$w.sql";
	PostgreSQL::Test::Utils::append_to_file($file, $script);
	$out[$w] = '';
	$err[$w] = '';
	$h[$w] = IPC::Run::start(
		[
			'psql', '-XAtq', '-v', 'ON_ERROR_STOP=1',
			'-d', $node->connstr('rv'), '-f', $file
		],
		'>', \$out[$w], '2>', \$err[$w]);
}

# Mid-load: a checkpoint, then more batches, then SIGKILL.
$node->poll_query_until('rv', 'SELECT count(*) >= ' . int($KILL_AFTER / 3) . ' FROM committed')
  or die "the sessions do not commit";
$node->safe_psql('rv', 'CHECKPOINT');
$node->poll_query_until('rv', "SELECT count(*) >= $KILL_AFTER FROM committed")
  or die "the sessions do not commit";
my $before_kill = $node->safe_psql('rv', 'SELECT count(*) FROM committed');
my $pm_pid = (split /\n/, slurp_file($node->data_dir . '/postmaster.pid'))[0];
$node->kill9;
my $t_kill = time;

# The sessions lose their connection and stop (ON_ERROR_STOP).
foreach my $w (1 .. $NWORKERS)
{
	eval { $h[$w]->finish; };
	diag("session $w: $@") if $@;
}
my ($pm_state, $waited) = wait_for_killed_postmaster($node, $pm_pid);
ok($pm_state ne 'alive', "postmaster $pm_pid was killed by SIGKILL ($pm_state)");
note(sprintf('postmaster %s after %.1f s', $pm_state, $waited));

my %acked;
my $nacked = 0;
foreach my $w (1 .. $NWORKERS)
{
	foreach my $line (split /\n/, $out[$w])
	{
		next unless $line =~ /^ack (\d+) (\d+)$/;
		$acked{$1}{$2} = 1;
		$nacked++;
	}
	my $n = scalar keys %{ $acked{$w} || {} };
	ok($n > 0 && $n < $MAXBATCH,
		"session $w was killed mid-load after $n acknowledged batches");
	like($err[$w], qr/terminat|connection|server closed/i,
		"session $w lost its connection");
}
note("committed batches seen just before the kill: $before_kill; acknowledged: $nacked");

# Restart: crash recovery.
$node->start;
my $t_up = time;
note(sprintf('restart with WAL replay took %.1f s', $t_up - $t_kill));
ok($node->log_contains('database system was interrupted|was not properly shut down'),
	'the server went through crash recovery');

# Every acknowledged batch is there.
my $acked_values = join(',',
	map { my $w = $_; map { "($w,$_)" } sort { $a <=> $b } keys %{ $acked{$w} } }
	  sort keys %acked);
is( $node->safe_psql('rv', qq{
		SELECT count(*) FROM (VALUES $acked_values) a(w, b)
		LEFT JOIN committed c USING (w, b) WHERE c.w IS NULL}),
	'0',
	"all $nacked acknowledged batches are committed after recovery");
# ... with all their rows, and nothing of an uncommitted batch.
is( $node->safe_psql('rv', qq{
		SELECT count(*) FROM (SELECT w, b, count(*) n FROM reviews GROUP BY w, b) g
		FULL JOIN committed c USING (w, b)
		WHERE c.w IS NULL OR g.w IS NULL OR g.n <> CASE WHEN w = 0 THEN 500 ELSE $BATCH END}),
	'0',
	'every committed batch has all its rows, no row without its batch');
my $ncommitted = $node->safe_psql('rv', 'SELECT count(*) - 1 FROM committed');
my $nrows = $node->safe_psql('rv', 'SELECT count(*) FROM reviews');
is($nrows, 500 + $ncommitted * $BATCH, "row count is sane ($nrows rows)");
ok($ncommitted >= $nacked && $ncommitted <= $nacked + $NWORKERS,
	"committed batches ($ncommitted) = acknowledged ($nacked) + at most one in flight per session");
# Batches of a session are a prefix 1..n (commit order is the script order).
is( $node->safe_psql('rv', q{
		SELECT count(*) FROM (SELECT w, max(b) m, count(*) n FROM committed WHERE w > 0 GROUP BY w) s
		WHERE m <> n}),
	'0',
	'each session committed a gap-free prefix of its batches');

# No torn or mixed-up values: every row is the review of its seed.
is( $node->safe_psql('rv', q{
		SELECT count(*) FROM reviews
		WHERE r::text <> gen_text(seed)::review::text OR r <> gen_review(seed)
		   OR review_keywords(r) <> review_keywords(gen_review(seed))}),
	'0',
	'every recovered review equals the one generated from its seed');

# amcheck on the primary key, with a heap scan that checks every tuple is indexed.
is($node->safe_psql('rv', q{SELECT bt_index_check('reviews_pkey', true)}),
	'', 'amcheck: reviews_pkey is consistent and indexes every heap tuple');

# The GIN index after recovery.
my $hits = check_index_vs_seqscan($node, 'rv', 'reviews', 'reviews_r_idx',
	'after recovery');
note("probes matched $hits rows in total over $nrows rows");

# Inserting after recovery works and is found through the index.
$node->safe_psql('rv', q{
	INSERT INTO reviews (w, b, k, seed, r)
	SELECT 99, 1, k, 990000000 + k, gen_review(990000000 + k) FROM generate_series(1, 1000) k;
	INSERT INTO committed VALUES (99, 1);
});
is( $node->safe_psql('rv', q{
		SET enable_seqscan = off;
		SELECT count(*) FROM reviews WHERE w = 99 AND r @@ '!nothingmatches'::reviewquery}),
	'1000', 'rows inserted after recovery are found through the index');
$node->safe_psql('rv', q{SELECT gin_clean_pending_list('reviews_r_idx')});
check_index_vs_seqscan($node, 'rv', 'reviews', 'reviews_r_idx',
	'after new inserts and gin_clean_pending_list');
is($node->safe_psql('rv', q{SELECT bt_index_check('reviews_pkey', true)}),
	'', 'amcheck: reviews_pkey still consistent');

# A clean shutdown and restart keeps it all.
$node->restart;
is($node->safe_psql('rv', 'SELECT count(*) FROM reviews'),
	$nrows + 1000, 'row count survives a clean restart');

$node->stop;
note(sprintf('%d sessions, %d rows per batch, %d rows after recovery, %.1f s in all',
	$NWORKERS, $BATCH, $nrows, time - $t0));
done_testing();
