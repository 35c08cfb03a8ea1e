# The corpus statistics of a tracked review column (review_corpus_track),
# under concurrent writers, compaction, a crash and VACUUM.
#
# Three psql sessions run transactions against one tracked table: inserts,
# updates of the review, deletes, some rolled back; a fourth folds the
# deltas (review_corpus_compact) over and over.  The postmaster is then
# killed with SIGKILL.  After the restart (WAL replay) the statistics must
# equal a recount of the rows there are, keyword by keyword (rows, visible
# rows, words, visible words); again after VACUUM, after a compaction, and
# after more writes; and review_bm25 through the statistics must equal
# BM25 computed from the recount.
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

my $NWRITERS = 3;
my $MAXTX = 4000;		# per session; never reached before the kill
my $KILL_AFTER = 150;	# committed transactions (all sessions) before the kill

my $node = review_node('bm25', 'log_min_messages' => 'warning');
setup_review_db($node, 'rv');
$node->safe_psql('rv', q{
	CREATE TABLE reviews (id bigint PRIMARY KEY, r review);
	INSERT INTO reviews SELECT k, gen_review(k) FROM generate_series(1, 300) k;
	SELECT review_corpus_track('reviews');
	CREATE TABLE committed (w int, t int, PRIMARY KEY (w, t));
	-- statistics minus the recount: no row when they agree
	CREATE FUNCTION stats_diff() RETURNS TABLE (keyword text, diff bigint[]) LANGUAGE sql AS $$
		WITH s AS (SELECT keyword, sum(ndocs) a, sum(ndocs_visible) b, sum(nwords) c, sum(nwords_visible) d
		           FROM review_corpus_stats WHERE relid = 'reviews'::regclass GROUP BY keyword),
		     c AS (SELECT t.keyword, sum(t.docs) a, sum(t.docs_visible) b, sum(t.words) c, sum(t.words_visible) d
		           FROM reviews, review_corpus_terms(reviews.r) t GROUP BY t.keyword)
		SELECT coalesce(s.keyword, c.keyword),
		       ARRAY[coalesce(s.a, 0) - coalesce(c.a, 0), coalesce(s.b, 0) - coalesce(c.b, 0),
		             coalesce(s.c, 0) - coalesce(c.c, 0), coalesce(s.d, 0) - coalesce(c.d, 0)]
		FROM s FULL JOIN c USING (keyword)
		WHERE (coalesce(s.a, 0), coalesce(s.b, 0), coalesce(s.c, 0), coalesce(s.d, 0))
		      IS DISTINCT FROM (coalesce(c.a, 0), coalesce(c.b, 0), coalesce(c.c, 0), coalesce(c.d, 0))
	$$;
});

sub stats_agree
{
	my ($what) = @_;
	my $diff = $node->safe_psql('rv',
		q{SELECT count(*) || coalesce(' first: ' || min(keyword || ' ' || diff::text), '') FROM stats_diff()});
	is($diff, '0', "statistics equal a recount $what");
	return;
}

stats_agree('after tracking');

my (@h, @out, @err);
foreach my $w (1 .. $NWRITERS)
{
	my $script = '';
	foreach my $t (1 .. $MAXTX)
	{
		my $base = 1_000_000 * $w + 10 * $t;
		my $end = $t % 5 == 0 ? 'ROLLBACK' : 'COMMIT';
		$script .= "BEGIN;\n"
		  . "INSERT INTO reviews SELECT $base + k, gen_review($base + k) FROM generate_series(1, 5) k;\n"
		  . "UPDATE reviews SET r = gen_review(id + 7) WHERE id IN ($base + 1, $base - 8, $base - 17);\n"
		  . "DELETE FROM reviews WHERE id IN ($base - 6, $base - 14);\n"
		  . ($end eq 'COMMIT' ? "INSERT INTO committed VALUES ($w, $t);\n" : '')
		  . "$end;\n";
	}
	my $file = "$PostgreSQL::Test::Utils::tmp_check/bm25_session_$w.sql";
	PostgreSQL::Test::Utils::append_to_file($file, $script);
	($out[$w], $err[$w]) = ('', '');
	$h[$w] = IPC::Run::start(
		[ 'psql', '-XAtq', '-v', 'ON_ERROR_STOP=1', '-d', $node->connstr('rv'), '-f', $file ],
		'>', \$out[$w], '2>', \$err[$w]);
}
# The compactor.
my $cfile = "$PostgreSQL::Test::Utils::tmp_check/bm25_compact.sql";
PostgreSQL::Test::Utils::append_to_file($cfile,
	"SELECT review_corpus_compact('reviews');\n" x 100000);
my ($cout, $cerr) = ('', '');
my $ch = IPC::Run::start(
	[ 'psql', '-XAtq', '-v', 'ON_ERROR_STOP=1', '-d', $node->connstr('rv'), '-f', $cfile ],
	'>', \$cout, '2>', \$cerr);

$node->poll_query_until('rv', "SELECT count(*) >= $KILL_AFTER FROM committed")
  or die "the sessions do not commit";
my $pm_pid = (split /\n/, slurp_file($node->data_dir . '/postmaster.pid'))[0];
$node->kill9;
foreach my $hh (@h[ 1 .. $NWRITERS ], $ch)
{
	eval { $hh->finish; };
}
foreach my $w (1 .. $NWRITERS)
{
	like($err[$w], qr/terminat|connection|server closed/i,
		"writer $w was killed mid-load, not stopped by an error");
}
like($cerr, qr/terminat|connection|server closed/i,
	'the compactor was killed mid-load, not stopped by an error');
my $compactions = () = $cout =~ /^\d+$/mg;
note("compactions before the kill: $compactions");

my ($pm_state) = wait_for_killed_postmaster($node, $pm_pid);
ok($pm_state ne 'alive', "postmaster $pm_pid was killed by SIGKILL ($pm_state)");
$node->start;

my $rows = $node->safe_psql('rv', 'SELECT count(*) FROM reviews');
ok($rows > 300, "rows after recovery: $rows");
stats_agree('after the crash');

$node->safe_psql('rv', 'VACUUM reviews; VACUUM review_corpus_stats;');
stats_agree('after VACUUM');

my $removed = $node->safe_psql('rv', "SELECT review_corpus_compact('reviews')");
ok($removed >= 0, "compaction after recovery removed $removed rows");
stats_agree('after compaction');
is($node->safe_psql('rv', q{SELECT count(*) FROM review_corpus_stats
	WHERE relid = 'reviews'::regclass GROUP BY keyword HAVING count(*) > 1 LIMIT 1}), '',
	'one row per keyword after compaction');

$node->safe_psql('rv', q{
	UPDATE reviews SET r = gen_review(id + 3) WHERE id % 7 = 0;
	DELETE FROM reviews WHERE id % 11 = 0;
	INSERT INTO reviews SELECT 9000000 + k, gen_review(k) FROM generate_series(1, 50) k;
});
stats_agree('after more writes');

# BM25 from the statistics equals BM25 from a recount.
my $bad = $node->safe_psql('rv', q{
	WITH q AS (SELECT 'film | love | end*'::reviewquery AS q),
	     n AS (SELECT count(*)::float8 AS n, avg((SELECT words FROM review_corpus_terms(r) t WHERE t.keyword = '')) AS avgdl FROM reviews),
	     df AS (SELECT t.term, t.prefix,
	                   (SELECT count(*) FROM reviews, review_corpus_terms(reviews.r) k
	                    WHERE k.keyword <> '' AND
	                          CASE WHEN t.prefix THEN starts_with(k.keyword, t.term) ELSE k.keyword = t.term END)::float8 AS df
	            FROM q, reviewquery_terms(q.q) t),
	     bq AS (SELECT jsonb_build_object('query', q.q::text, 'rows', n.n, 'avgdl', n.avgdl,
	                   'df', (SELECT jsonb_agg(jsonb_build_object('term', term, 'prefix', prefix, 'df', df)) FROM df))::text::review_bm25query AS recount,
	                   review_bm25_query(q.q, 'reviews') AS tracked
	            FROM q, n)
	SELECT count(*) FROM reviews, bq
	WHERE abs(review_bm25(r, bq.recount) - review_bm25(r, bq.tracked)) > 1e-9 * (1 + review_bm25(r, bq.recount))
});
is($bad, '0', 'review_bm25 through the tracked statistics equals BM25 from a recount');

$node->stop;
done_testing();
