# Concurrent writes and indexed searches on a GIN-indexed review column.
#
# pgbench runs 8 clients for a bounded time (PG_REVIEW_BENCH_SECONDS, 30 by
# default) over four weighted scripts: INSERTs of generated reviews, UPDATEs
# of existing rows' reviews, DELETEs of a few rows, and index-only-plan
# searches with @@, @@~ and ?|.  Every write also logs itself (same
# transaction) in ops_log.  Meanwhile a separate session runs VACUUM and
# gin_clean_pending_list() in a loop.  Then the test proves:
#  - pgbench exits 0 with 0 failed transactions and no error;
#  - count(*) = initial rows + logged inserts - logged deletes, and the same
#    count comes from a seq scan, the primary key and the GIN index;
#  - every row holds exactly the review of its (possibly updated) seed;
#  - amcheck passes on the primary key (heapallindexed);
#  - for every operator of review_ops, index scan = sequential scan.
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

my $CLIENTS = 8;
my $SECONDS = $ENV{PG_REVIEW_BENCH_SECONDS} || 30;
my $INITIAL = 20000;

my $t0 = time;
my $node = review_node('conc',
	'max_connections' => '40',
	'gin_pending_list_limit' => '256',
	'autovacuum_naptime' => '5s',
	'log_statement' => 'none',
	'deadlock_timeout' => '100ms');
setup_review_db($node, 'rv');
$node->safe_psql('rv', qq{
	CREATE TABLE reviews (id bigserial PRIMARY KEY, seed bigint NOT NULL, r review NOT NULL);
	INSERT INTO reviews (seed, r) SELECT s, gen_review(s) FROM generate_series(1, $INITIAL) s;
	CREATE INDEX reviews_r_idx ON reviews USING gin (r);
	CREATE TABLE ops_log (op "char" NOT NULL, id bigint NOT NULL, at timestamptz DEFAULT clock_timestamp());
	CREATE EXTENSION amcheck;
	ANALYZE reviews;
});

my %scripts = (
	'insert.sql@4' => q{
\set s random(1, 1000000000)
WITH i AS (INSERT INTO reviews (seed, r) VALUES (:s, gen_review(:s)) RETURNING id)
INSERT INTO ops_log (op, id) SELECT 'i', id FROM i;
},
	'update.sql@3' => qq{
\\set id random(1, $INITIAL)
\\set s random(1, 1000000000)
WITH u AS (UPDATE reviews SET seed = :s, r = gen_review(:s) WHERE id = :id RETURNING id)
INSERT INTO ops_log (op, id) SELECT 'u', id FROM u;
},
	'delete.sql@1' => qq{
\\set id random(1, $INITIAL)
WITH d AS (DELETE FROM reviews WHERE id = :id RETURNING id)
INSERT INTO ops_log (op, id) SELECT 'd', id FROM d;
},
	'search.sql@4' => q{
\set w random(1, 400)
BEGIN;
SET LOCAL enable_seqscan = off;
SELECT count(*) FROM reviews WHERE r @@ gen_word(:w, 1)::reviewquery;
SELECT count(*) FROM reviews WHERE r @@ (gen_word(:w, 2) || ' & !' || gen_word(:w, 3) || ' | "final scene"')::reviewquery;
SELECT count(*) FROM reviews WHERE r @@~ (gen_word(:w, 4) || ' | butler')::reviewquery;
SELECT count(*) FROM reviews WHERE r @@~ 'work*'::text;
SELECT count(*) FROM reviews WHERE r ?| ARRAY[gen_word(:w, 5), 'ghost'];
END;
},);
my @file_opts;
foreach my $fn (sort keys %scripts)
{
	(my $path = "$PostgreSQL::Test::Utils::tmp_check/002_$fn") =~ s/\@\d+$//;
	unlink $path;
	append_to_file($path, $scripts{$fn});
	push @file_opts, '-f', $path . ($fn =~ /(\@\d+)$/ ? $1 : '');
}

# The search script's plans really use the index.
like(
	plan_of($node, 'rv', 'SET enable_seqscan = off;',
		q{SELECT count(*) FROM reviews WHERE r @@~ ('love' || ' | butler')::reviewquery}),
	qr/Bitmap Index Scan on reviews_r_idx/,
	'the pgbench searches use the GIN index');

# VACUUM and pending-list merges concurrently with the load.
my $maint_file = "$PostgreSQL::Test::Utils::tmp_check/002_maint.sql";
unlink $maint_file;
append_to_file($maint_file,
	join('', map {
		"SELECT pg_sleep(2);\nVACUUM reviews;\nSELECT gin_clean_pending_list('reviews_r_idx') >= 0;\n"
	} 1 .. int($SECONDS / 2)));
my ($maint_out, $maint_err) = ('', '');
my $maint = IPC::Run::start(
	[ 'psql', '-XAtq', '-v', 'ON_ERROR_STOP=1', '-d', $node->connstr('rv'), '-f', $maint_file ],
	'>', \$maint_out, '2>', \$maint_err);

my ($out, $err) = ('', '');
my @cmd = (
	'pgbench', '-n', '-h', $node->host, '-p', $node->port,
	'-c', $CLIENTS, '-j', 2, '-T', $SECONDS, '--random-seed', 20260401,
	@file_opts, 'rv');
note('running: ' . join(' ', @cmd));
my $t_bench = time;
IPC::Run::run(\@cmd, '>', \$out, '2>', \$err);
my $rc = $?;
my $bench_secs = time - $t_bench;
$maint->finish;
is($? >> 8, 0, 'concurrent VACUUM / gin_clean_pending_list session succeeded')
  or diag($maint_err);

is($rc >> 8, 0, "pgbench exited 0 ($CLIENTS clients, $SECONDS s)")
  or diag("stdout:\n$out\nstderr:\n$err");
unlike($err, qr/error|abort|deadlock/i, 'pgbench reported no error');
like($out, qr/number of failed transactions: 0 \(/, 'pgbench: 0 failed transactions');
my ($processed) = $out =~ /number of transactions actually processed: (\d+)/;
my ($tps) = $out =~ /tps = ([\d.]+)/;
ok(defined $processed && $processed > 0, 'pgbench processed transactions');
note(sprintf('pgbench: %d clients, %.1f s, %s transactions, %s tps',
	$CLIENTS, $bench_secs, $processed // '?', $tps // '?'));
foreach my $line (split /\n/, $out)
{
	note("pgbench: $line") if $line =~ /^SQL script|^ - (weight|\d+ transactions|number of failed)/;
}

# count(*) consistency.
my ($ins, $upd, $del) = split /\|/, $node->safe_psql('rv', q{
	SELECT count(*) FILTER (WHERE op = 'i'), count(*) FILTER (WHERE op = 'u'),
	       count(*) FILTER (WHERE op = 'd') FROM ops_log});
note("logged: $ins inserts, $upd updates, $del deletes");
ok($ins > 0 && $upd > 0 && $del > 0, 'the load inserted, updated and deleted');
my $expected = $INITIAL + $ins - $del;
my $seq = $node->safe_psql('rv', q{
	SET enable_indexscan = off; SET enable_bitmapscan = off; SET enable_indexonlyscan = off;
	SELECT count(*) FROM reviews});
is($seq, $expected, "count(*) by seq scan = $INITIAL + inserts - deletes = $expected");
is( $node->safe_psql('rv', q{
		SET enable_seqscan = off; SET enable_bitmapscan = off;
		SELECT count(*) FROM reviews WHERE id > 0}),
	$expected, 'count(*) through the primary key agrees');
is( $node->safe_psql('rv', q{
		SET enable_seqscan = off;
		SELECT count(*) FROM reviews WHERE r ?& ARRAY[]::text[]}),
	$expected, 'count(*) through the GIN index (match-all query) agrees');
is( $node->safe_psql('rv', q{
		SELECT count(*) FROM ops_log l JOIN reviews r USING (id) WHERE l.op = 'd'}),
	'0', 'no deleted row is visible');
is( $node->safe_psql('rv', q{
		SELECT count(*) FROM (SELECT id FROM ops_log WHERE op = 'd' GROUP BY id HAVING count(*) > 1) s}),
	'0', 'no row was deleted twice');

# Values: every row is the review of its seed (updates replaced r and seed together).
is( $node->safe_psql('rv', q{
		SELECT count(*) FROM reviews
		WHERE r::text <> gen_text(seed)::review::text OR r <> gen_review(seed)}),
	'0', 'every row holds the review of its seed');
is($node->safe_psql('rv', q{SELECT bt_index_check('reviews_pkey', true)}),
	'', 'amcheck: reviews_pkey is consistent and indexes every heap tuple');

my $hits = check_index_vs_seqscan($node, 'rv', 'reviews', 'reviews_r_idx',
	'after the concurrent load');
$node->safe_psql('rv', 'VACUUM reviews');
check_index_vs_seqscan($node, 'rv', 'reviews', 'reviews_r_idx', 'after VACUUM');

$node->stop;
note(sprintf('%d rows at the end; %.1f s in all', $expected, time - $t0));
done_testing();
