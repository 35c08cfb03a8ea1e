# pg_dump / pg_restore of review data, its GIN index and the theme lexicon.
#
# Database "src": 3000 generated reviews + the demo samples (data/samples.sql)
# + a NULL, a GIN index, and user rows added to review_theme (theme
# 'seafaring').  It is dumped with pg_dump -Fc and restored with pg_restore
# into a fresh database "dst" (and, as a plain SQL dump, through psql into
# "dst_plain").  The test proves:
#  - pg_dump and pg_restore succeed with nothing on stderr;
#  - every review is equal after the restore: r::text, r = r through a join
#    on id, keywords, spoilers and redact(); a binary-format COPY of the
#    restored table is byte-identical to the source's and loads back (COPY
#    FROM, binary) into equal values;
#  - the GIN index is restored with the same definition and is used
#    (EXPLAIN), and every probe query returns the same rows in src and dst
#    (and index scan = seq scan in dst);
#  - review_theme: the user's rows come back exactly once, with
#    builtin = false, and the shipped rows are not duplicated (count(*),
#    count(*) WHERE builtin, equal before and after).
use strict;
use warnings;
use FindBin;
use lib "$FindBin::RealBin/lib";

use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;
use Time::HiRes qw(time);
use File::Compare;
use PgReviewTest;

my $NROWS = 3000;
my $t0 = time;
my $node = review_node('dump', 'log_statement' => 'none');
my $tmp = $PostgreSQL::Test::Utils::tmp_check;

setup_review_db($node, 'src');
my $samples = slurp_file("$FindBin::RealBin/../../data/samples.sql");
$node->safe_psql('src', $samples);
$node->safe_psql('src', qq{
	CREATE TABLE reviews (id bigint PRIMARY KEY, r review);
	INSERT INTO reviews SELECT s, gen_review(s) FROM generate_series(1, $NROWS) s;
	INSERT INTO reviews SELECT 100000 + id, r FROM film_reviews;
	INSERT INTO reviews VALUES (200000, NULL);
	CREATE INDEX reviews_r_idx ON reviews USING gin (r);
	INSERT INTO review_theme (theme, keyword, lang, weight) VALUES
		('seafaring', 'lighthouse', 'en', 1), ('seafaring', 'ferry', 'en', 0.8),
		('seafaring', 'harbour', 'en', 0.8), ('seafaring', 'storm', 'en', 0.5),
		('seafaring', 'phare', 'fr', 1);
	ANALYZE reviews;
});
my $nrows = $node->safe_psql('src', 'SELECT count(*) FROM reviews');

my $themes_sql = q{
	SELECT count(*), count(*) FILTER (WHERE builtin), count(*) FILTER (WHERE NOT builtin)
	FROM review_theme};
my $user_themes_sql = q{
	SELECT string_agg(format('%s/%s/%s/%s/%s', theme, keyword, lang, weight, builtin), ' '
	                  ORDER BY theme, keyword, lang)
	FROM review_theme WHERE NOT builtin};
my $src_themes = $node->safe_psql('src', $themes_sql);
my ($src_total, $src_builtin, $src_user) = split /\|/, $src_themes;
is($src_user, 5, 'src: the 5 user theme rows are marked builtin = false');
note("src review_theme: $src_total rows, $src_builtin shipped, $src_user added");
note('this build ships no theme lexicon (sql/pg_review_themes.sql is absent)')
  if $src_builtin == 0;

# Dump and restore.
my $dump = "$tmp/003_src.dump";
$node->command_checks_all(
	[ 'pg_dump', '-Fc', '-f', $dump, '-d', $node->connstr('src') ],
	0, [qr/^$/], [qr/^$/], 'pg_dump -Fc');
$node->safe_psql('postgres', 'CREATE DATABASE dst');
$node->command_checks_all(
	[ 'pg_restore', '--exit-on-error', '-d', $node->connstr('dst'), $dump ],
	0, [qr/^$/], [qr/^$/], 'pg_restore into a fresh database');

my $plain = "$tmp/003_src.sql";
$node->command_ok([ 'pg_dump', '-Fp', '-f', $plain, '-d', $node->connstr('src') ],
	'pg_dump -Fp');
$node->safe_psql('postgres', 'CREATE DATABASE dst_plain');
$node->command_checks_all(
	[ 'psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-o', '/dev/null',
	  '-d', $node->connstr('dst_plain'), '-f', $plain ],
	0, [qr/^$/], [qr/^$/], 'plain SQL dump restores through psql');

# The values, compared as text, keywords, spoilers and redactions.
my $fingerprint_sql = q{
	SELECT count(*), count(r),
	       md5(string_agg(id || ':' || coalesce(r::text, 'NULL'), E'\n' ORDER BY id)),
	       md5(string_agg(id || ':' || coalesce(review_keywords(r)::text, 'NULL'), E'\n' ORDER BY id)),
	       md5(string_agg(id || ':' || coalesce(redact(r), 'NULL') || coalesce(has_spoilers(r)::text, ''), E'\n' ORDER BY id)),
	       (SELECT md5(string_agg(format('%s:%s:%s:%s:%s', id, s.start, s.len, s.source, s.content), E'\n' ORDER BY id, s.start))
	          FROM reviews, spoilers(r) s)
	FROM reviews};
my $src_fp = $node->safe_psql('src', $fingerprint_sql);
foreach my $db ('dst', 'dst_plain')
{
	is($node->safe_psql($db, $fingerprint_sql), $src_fp,
		"$db: r::text, keywords, redact() and spoilers() of all $nrows rows equal src");
}

# Binary COPY: the restored table sends the same bytes, and they load back.
foreach my $db ('src', 'dst')
{
	$node->safe_psql($db,
		"COPY (SELECT id, r FROM reviews ORDER BY id) TO '$tmp/003_$db.bin' (FORMAT binary)");
}
ok(compare("$tmp/003_src.bin", "$tmp/003_dst.bin") == 0,
	'binary COPY of the restored table is byte-identical to the source');
$node->safe_psql('src', qq{
	CREATE TABLE restored (id bigint PRIMARY KEY, r review);
	COPY restored FROM '$tmp/003_dst.bin' (FORMAT binary);
});
is( $node->safe_psql('src', q{
		SELECT count(*),
		       count(*) FILTER (WHERE a.r = b.r),
		       count(*) FILTER (WHERE a.r::text = b.r::text),
		       count(*) FILTER (WHERE a.r IS NULL AND b.r IS NULL),
		       count(*) FILTER (WHERE review_keywords(a.r) = review_keywords(b.r))
		FROM reviews a FULL JOIN restored b USING (id)}),
	join('|', $nrows, $nrows - 1, $nrows - 1, 1, $nrows - 1),
	'binary round trip: r = r and r::text equal for every id (join), NULL kept');

# The index.
my $idxdef_sql = q{SELECT indexdef FROM pg_indexes WHERE indexname = 'reviews_r_idx'};
my $src_idxdef = $node->safe_psql('src', $idxdef_sql);
foreach my $db ('dst', 'dst_plain')
{
	is($node->safe_psql($db, $idxdef_sql), $src_idxdef, "$db: GIN index restored: $src_idxdef");
	$node->safe_psql($db, 'ANALYZE reviews');
	like(
		plan_of($node, $db, '', q{SELECT id FROM reviews WHERE r @@ '"american dream" & final'::reviewquery}),
		qr/Bitmap Index Scan on reviews_r_idx/,
		"$db: a selective search uses the restored index (default settings)");
}
is($node->safe_psql('dst', q{SELECT amvalidate(oid) FROM pg_opclass WHERE opcname = 'review_ops'}),
	't', 'dst: review_ops validates');

# Query results equal between src and dst, through the index.
foreach my $p (probes(), [ '@@', q{theme_query('seafaring')} ], [ '@@~', q{theme_query('seafaring', 'fr')} ])
{
	my ($op, $arg) = @$p;
	my $q = "SET enable_seqscan = off; SELECT coalesce(string_agg(id::text, ',' ORDER BY id), '') FROM reviews WHERE r $op $arg";
	my $in_src = $node->safe_psql('src', $q);
	my $n = $in_src eq '' ? 0 : scalar(split /,/, $in_src);
	is($node->safe_psql('dst', $q), $in_src, "src and dst agree on r $op $arg ($n rows)");
}
check_index_vs_seqscan($node, 'dst', 'reviews', 'reviews_r_idx', 'dst');

# The lexicon: user rows once, shipped rows not duplicated.
my $src_user_rows = $node->safe_psql('src', $user_themes_sql);
foreach my $db ('dst', 'dst_plain')
{
	is($node->safe_psql($db, $themes_sql), $src_themes,
		"$db: review_theme count(*), shipped and added rows equal src ($src_themes)");
	is($node->safe_psql($db, $user_themes_sql), $src_user_rows,
		"$db: the user's theme rows are restored exactly, builtin = false");
	is( $node->safe_psql($db, q{
			SELECT count(*) FROM (SELECT theme, keyword, lang FROM review_theme
			                      GROUP BY 1, 2, 3 HAVING count(*) > 1) d}),
		'0', "$db: no duplicated lexicon row");
	is($node->safe_psql($db, q{SELECT count(*) FROM review_theme WHERE theme = 'seafaring'}),
		'5', "$db: 'seafaring' has its 5 keywords, once");
	is( $node->safe_psql($db, q{
			SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef d JOIN pg_attribute a
			    ON a.attrelid = d.adrelid AND a.attnum = d.adnum
			 WHERE d.adrelid = 'review_theme'::regclass AND a.attname = 'builtin'}),
		'false', "$db: rows added after the restore default to builtin = false");
}
# A second dump of the restored database carries the user rows once more
# only: restoring it again gives the same lexicon (no growth over cycles).
my $dump2 = "$tmp/003_dst.dump";
$node->command_ok([ 'pg_dump', '-Fc', '-f', $dump2, '-d', $node->connstr('dst') ], 'pg_dump of dst');
$node->safe_psql('postgres', 'CREATE DATABASE dst2');
$node->command_checks_all(
	[ 'pg_restore', '--exit-on-error', '-d', $node->connstr('dst2'), $dump2 ],
	0, [qr/^$/], [qr/^$/], 'pg_restore of the restored database');
is($node->safe_psql('dst2', $themes_sql), $src_themes,
	'dump -> restore -> dump -> restore: review_theme unchanged');
is($node->safe_psql('dst2', $fingerprint_sql), $src_fp,
	'dump -> restore -> dump -> restore: reviews unchanged');

$node->stop;
note(sprintf('%d rows; %.1f s in all', $nrows, time - $t0));
done_testing();
