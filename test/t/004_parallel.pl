# Parallel query over review values.
#
# A table of 200000 short generated reviews (PG_REVIEW_PARALLEL_ROWS to
# change it), built itself by a parallel CREATE TABLE AS (reviews made in the
# workers and sent through Gather).  With max_parallel_workers_per_gather = 2
# and zero parallel costs, EXPLAIN (ANALYZE, VERBOSE, COSTS OFF) must show a
# Parallel Seq Scan with Workers Launched >= 1 (2 is expected) for:
#  - a filter r @@ 'worker & wealth'::reviewquery (and @@~, ?, ?&), counted
#    and summed by partial aggregates;
#  - redact(r) computed in the target list (evaluated in the workers), and
#    returned through Gather; review values themselves returned through
#    Gather; grouping by review (GROUP BY r, sorted below the Gather);
# and each result must equal the serial one (max_parallel_workers_per_gather
# = 0).
use strict;
use warnings;
use FindBin;
use lib "$FindBin::RealBin/lib";

use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;
use Time::HiRes qw(time);
use PgReviewTest;

my $NROWS = $ENV{PG_REVIEW_PARALLEL_ROWS} || 200000;
my $t0 = time;
my $node = review_node('par',
	'max_worker_processes' => '8',
	'max_parallel_workers' => '8',
	'max_parallel_workers_per_gather' => '2',
	'parallel_setup_cost' => '0',
	'parallel_tuple_cost' => '0',
	'min_parallel_table_scan_size' => '0',
	'min_parallel_index_scan_size' => '0',
	'log_statement' => 'none',
	'max_wal_size' => '1GB');
setup_review_db($node, 'rv');

my $par = 'SET max_parallel_workers_per_gather = 2;';
my $serial = 'SET max_parallel_workers_per_gather = 0;';

# The table, generated in parallel.
$node->safe_psql('rv', qq{
	CREATE TABLE seeds AS SELECT s::bigint AS id FROM generate_series(1, $NROWS) s;
	ANALYZE seeds;
});
my $ctas = 'CREATE TABLE big AS SELECT id, gen_review(id) AS r FROM seeds';
like(plan_of($node, 'rv', $par, $ctas), qr/Gather.*\n.*Workers Planned: 2/,
	'CREATE TABLE AS generates the reviews with a parallel plan');
my $t = time;
$node->safe_psql('rv', "$par $ctas; ANALYZE big;");
my $gen_secs = time - $t;
is($node->safe_psql('rv', 'SELECT count(*), count(DISTINCT id) FROM big'),
	"$NROWS|$NROWS", "$NROWS reviews generated");
is( $node->safe_psql('rv', q{
		SELECT count(*) FROM big WHERE id % 101 = 0 AND r::text <> gen_text(id)::review::text}),
	'0', 'reviews made by parallel workers equal those made by the leader (sample)');
note(sprintf('%d rows (%s) generated in %.1f s', $NROWS,
	$node->safe_psql('rv', q{SELECT pg_size_pretty(pg_total_relation_size('big'))}), $gen_secs));

# [name, query, plan pattern that must be below the Gather]
my @cases = (
	[
		'filter @@ reviewquery',
		q{SELECT count(*), sum(id) FROM big WHERE r @@ 'worker & wealth'::reviewquery},
		qr/Parallel Seq Scan on public\.big.*\n(?:.*\n)*?\s+Filter: \(big\.r @@ '/
	],
	[
		'filter @@~ and NOT',
		q{SELECT count(*), sum(id) FROM big WHERE r @@~ 'harbour & !love'::reviewquery},
		qr/Parallel Seq Scan on public\.big.*\n(?:.*\n)*?\s+Filter: \(big\.r @@~ '/
	],
	[
		'filter ? and ?&',
		q{SELECT count(*), sum(id) FROM big WHERE r ? 'ghost' OR r ?& ARRAY['money', 'hope']},
		qr/Parallel Seq Scan on public\.big.*\n(?:.*\n)*?\s+Filter: /
	],
	[
		'redact(r) in the target list',
		q{SELECT id, redact(r) FROM big WHERE id % 97 = 0},
		qr/Parallel Seq Scan on public\.big.*\n\s+Output: id, redact\(r/
	],
	[
		'redact(r, mask, 1) and has_spoilers(r), aggregated',
		q{SELECT count(*), sum(length(redact(r, '***', 1))), count(*) FILTER (WHERE has_spoilers(r)) FROM big},
		qr/Partial Aggregate.*\n\s+Output: PARTIAL count\(\*\), PARTIAL sum\(length\(redact\(r.*\n(?:.*\n)*?.*Parallel Seq Scan on public\.big/
	],
	[
		'review values through Gather',
		q{SELECT id, r FROM big WHERE r @@ '"american dream"'::reviewquery},
		qr/Parallel Seq Scan on public\.big.*\n\s+Output: id, r/
	],
	[
		# (sorted: with every value distinct, 18 may choose to hash above the
		# Gather, leaving nothing of the grouping to the workers)
		'grouping by review (sorted in the workers)',
		q{SELECT count(*) FROM (SELECT r FROM big GROUP BY r) s},
		qr/Workers Launched: \d+\n(?:.*\n)*?\s+(?:Group|Sort) Key: big\.r\n(?:.*\n)*?.*Parallel Seq Scan on public\.big/,
		'SET enable_hashagg = off;'
	],);

foreach my $c (@cases)
{
	my ($name, $q, $below, $set) = @$c;
	$set //= '';
	my $plan = $node->safe_psql('rv', "$par $set\nEXPLAIN (ANALYZE, VERBOSE, COSTS OFF) $q");
	my @launched = $plan =~ /Workers Launched: (\d+)/g;
	ok(@launched && $launched[0] >= 1,
		"$name: runs in parallel, Workers Launched: " . join(',', @launched))
	  or diag($plan);
	note("$name: Workers Launched: $launched[0] (2 expected)")
	  if @launched && $launched[0] != 2;
	like($plan, $below, "$name: evaluated in the parallel part of the plan")
	  or diag($plan);

	my $t1 = time;
	my @par_rows = sort split /\n/, $node->safe_psql('rv', "$par $set\n$q");
	my $t2 = time;
	my @ser_rows = sort split /\n/, $node->safe_psql('rv', "$serial\n$q");
	my $t3 = time;
	unlike($node->safe_psql('rv', "$serial\nEXPLAIN (COSTS OFF) $q"), qr/Gather/,
		"$name: the serial plan has no Gather");
	is(scalar(@par_rows), scalar(@ser_rows),
		"$name: " . (@ser_rows == 1 ? "result $ser_rows[0]" : scalar(@ser_rows) . ' result rows'));
	ok(join("\n", @par_rows) eq join("\n", @ser_rows), "$name: parallel result = serial result");
	note(sprintf('%s: parallel %.2f s, serial %.2f s', $name, $t2 - $t1, $t3 - $t2));
}

$node->stop;
note(sprintf('%d rows; %.1f s in all', $NROWS, time - $t0));
done_testing();
