# Helpers shared by the pg_review TAP tests (test/t/*.pl).
#
#  - review_node(): a PostgreSQL::Test::Cluster node that loads pg_review,
#    either from the normal installation or, when PG_REVIEW_DESTDIR is set,
#    from a private "make install DESTDIR=..." prefix (Debian settings
#    extension_destdir and dynamic_library_path).
#  - GEN_SQL: SQL functions that generate deterministic reviews from an
#    integer seed (varied words, front matter, several spoiler dialects,
#    a few French and Japanese reviews).  Same seed, same review, everywhere.
#  - probes() and check_index_vs_seqscan(): every operator of the GIN
#    operator class review_ops, compared between an index scan and a
#    sequential scan.
package PgReviewTest;

use strict;
use warnings;

use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;
use Time::HiRes ();

use Exporter 'import';
our @EXPORT = qw(review_node setup_review_db probes check_index_vs_seqscan
  plan_of GEN_SQL wait_for_killed_postmaster);

# Cluster.pm's init() runs "$PG_REGRESS --config-auth" (a no-op outside
# Windows); outside a PostgreSQL source tree nobody sets PG_REGRESS.
if (!$ENV{PG_REGRESS})
{
	my $pgxs = `pg_config --pgxs`;
	chomp $pgxs;
	(my $regress = $pgxs) =~ s{src/makefiles/pgxs\.mk$}{src/test/regress/pg_regress};
	$ENV{PG_REGRESS} = $regress;
}

# Creates, configures and starts a node; returns it.  %conf: extra
# postgresql.conf lines (name => value).
sub review_node
{
	my ($name, %conf) = @_;
	BAIL_OUT('initdb refuses root: run the TAP tests as postgres (see test/t/README.md)')
	  if $> == 0;
	my $node = PostgreSQL::Test::Cluster->new($name);
	$node->init;
	my $destdir = $ENV{PG_REVIEW_DESTDIR};
	if (defined $destdir && $destdir ne '')
	{
		my $libdir = `pg_config --pkglibdir`;
		chomp $libdir;
		die "PG_REVIEW_DESTDIR=$destdir has no pg_review.so under $destdir$libdir"
		  unless -f "$destdir$libdir/pg_review.so";
		$node->append_conf('postgresql.conf',
			    "extension_destdir = '$destdir'\n"
			  . "dynamic_library_path = '$destdir$libdir:\$libdir'\n");
	}
	$node->append_conf('postgresql.conf',
		join('', map { "$_ = $conf{$_}\n" } sort keys %conf))
	  if %conf;
	$node->start;
	return $node;
}

# The generator: gen_text(seed) is the text form of a review,
# gen_review(seed) the review.  IMMUTABLE and PARALLEL SAFE.
use constant GEN_SQL => <<'EOSQL';
CREATE FUNCTION gen_vocabulary() RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT ARRAY['worker','workers','wealth','rich','poor','love','family','power',
	             'death','dream','american','final','scene','money','class','struggle',
	             'laughing','laughed','film','the','of','and','hope','grief','labor',
	             'labour','working','dreamer','ferry','storm','harbour','sister',
	             'orchard','winter','beautiful','tense','slow','music','camera','cast']
$$;
CREATE FUNCTION gen_word(seed bigint, k int) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
	SELECT (gen_vocabulary())[1 + (hashint8(seed * 131 + k) & 1048575) % 40]
$$;
-- plpgsql: a SQL function with a per-call aggregate subquery is much slower.
CREATE FUNCTION gen_words(seed bigint, n int) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
	v text[] := gen_vocabulary();
	res text := '';
BEGIN
	FOR k IN 1 .. n LOOP
		res := res || v[1 + (hashint8(seed * 131 + k) & 1048575) % 40] || ' ';
	END LOOP;
	RETURN rtrim(res);
END
$$;
CREATE FUNCTION gen_text(seed bigint) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
	SELECT CASE
	  WHEN seed % 53 = 0 THEN
		E'---\ntitle: Film ' || seed || E'\nlang: ja\n---\n'
		|| (ARRAY['彼女は映画館で泣いた。', '最後に灯台が消える。', '父は工場で働く。', '家族の物語だ。'])[1 + seed % 4]
		|| CASE WHEN seed % 2 = 0 THEN '||兄が死ぬ。||' ELSE '' END
	  WHEN seed % 29 = 0 THEN
		E'---\ntitle: Film ' || seed || E'\nlang: fr\nrating: ' || (seed % 21) || E'/20\n---\n'
		|| 'Un film lent sur les travailleurs et la richesse. '
		|| CASE WHEN seed % 2 = 0 THEN '[spoiler]À la fin, le frère meurt seul.[/spoiler] ' ELSE '' END
		|| 'La musique est juste.'
	  ELSE
		CASE WHEN seed % 7 = 0
		     THEN E'---\ntitle: Film ' || seed || E'\nauthor: Critic ' || (seed % 13)
		          || E'\nrating: ' || (1 + seed % 5) || E'/5\n---\n'
		     ELSE '' END
		|| initcap(gen_words(seed, 4 + (seed % 9)::int)) || '. '
		|| CASE seed % 6
		     WHEN 0 THEN '||In the end the ' || gen_word(seed, 99) || ' butler dies.|| '
		     WHEN 1 THEN '>!The heir ' || gen_word(seed, 98) || ' drowns in the harbour.!< '
		     WHEN 2 THEN '[spoiler]The money burns and the ghost wins.[/spoiler] '
		     WHEN 3 THEN '<spoiler>The twin is the ' || gen_word(seed, 97) || ' killer.</spoiler> '
		     ELSE '' END
		|| initcap(gen_words(seed + 7, 3 + (seed % 5)::int)) || '.'
	  END
$$;
CREATE FUNCTION gen_review(seed bigint) RETURNS review
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT gen_text(seed)::review $$;
EOSQL

# CREATE EXTENSION and the generator in database $db (created if missing).
sub setup_review_db
{
	my ($node, $db) = @_;
	$node->safe_psql('postgres', "CREATE DATABASE $db")
	  if $db ne 'postgres';
	$node->safe_psql($db, "CREATE EXTENSION pg_review;\n" . GEN_SQL);
	return;
}

# [operator, right-hand argument] for every strategy of review_ops: AND, OR,
# NOT, phrase, distance, prefix, empty, stop word, CJK; @@~ (spoiler-safe);
# text right-hand sides; ?, ?| and ?&.
sub probes
{
	return (
		[ '@@',  q{'worker & wealth'::reviewquery} ],
		[ '@@',  q{'rich | poor'::reviewquery} ],
		[ '@@',  q{'!love'::reviewquery} ],
		[ '@@',  q{'!love & !family'::reviewquery} ],
		[ '@@',  q{'dream & !american'::reviewquery} ],
		[ '@@',  q{'"american dream"'::reviewquery} ],
		[ '@@',  q{'"final scene" | "class struggle"'::reviewquery} ],
		[ '@@',  q{'rich <2> laugh'::reviewquery} ],
		[ '@@',  q{'labo* & work*'::reviewquery} ],
		[ '@@',  q{'dream*'::reviewquery} ],
		[ '@@',  q{'butler | heir'::reviewquery} ],
		[ '@@',  q{'die'::reviewquery} ],
		[ '@@',  q{'nothingmatches'::reviewquery} ],
		[ '@@',  q{''::reviewquery} ],
		[ '@@',  q{'the'::reviewquery} ],
		[ '@@',  q{'映画館'::reviewquery} ],
		[ '@@',  q{reviewquery('travailleur & richesse', 'fr')} ],
		[ '@@~', q{'die'::reviewquery} ],
		[ '@@~', q{'money & ghost'::reviewquery} ],
		[ '@@~', q{'!butler'::reviewquery} ],
		[ '@@~', q{'drown* | twin'::reviewquery} ],
		[ '@@~', q{'"final scene"'::reviewquery} ],
		[ '@@~', q{'work* & !ghost'::reviewquery} ],
		[ '@@',  q{'workers & laughing'::text} ],
		[ '@@',  q{'!the'::text} ],
		[ '@@',  q{'dream*'::text} ],
		[ '@@~', q{'dies | burns'::text} ],
		[ '@@~', q{'harbour'::text} ],
		[ '?',   q{'workers'::text} ],
		[ '?',   q{'ghost'::text} ],
		[ '?',   q{'the'::text} ],
		[ '?|',  q{ARRAY['twin', 'grief']} ],
		[ '?|',  q{ARRAY[]::text[]} ],
		[ '?&',  q{ARRAY['money', 'power', 'hope']} ],
		[ '?&',  q{ARRAY[]::text[]} ],);
}

sub plan_of
{
	my ($node, $db, $settings, $query) = @_;
	return $node->safe_psql($db, "$settings\nEXPLAIN (COSTS OFF) $query");
}

# For every probe: the ids found with enable_seqscan = off (and the plan
# must use the index $index) equal the ids found by a sequential scan.
# One is() per probe; returns the total number of matching rows.
sub check_index_vs_seqscan
{
	my ($node, $db, $table, $index, $label) = @_;
	# (enable_indexscan off too: from 16 on, a scan of the primary key in id
	# order can feed string_agg(... ORDER BY id) and win over the GIN index)
	my $idx_set = "SET enable_seqscan = off; SET enable_indexscan = off;";
	my $seq_set =
	  "SET enable_indexscan = off; SET enable_bitmapscan = off; SET enable_indexonlyscan = off;";
	my $total = 0;
	foreach my $p (probes())
	{
		my ($op, $arg) = @$p;
		my $q = "SELECT coalesce(string_agg(id::text, ',' ORDER BY id), '') FROM $table WHERE r $op $arg";
		my $plan = plan_of($node, $db, $idx_set, $q);
		like($plan, qr/Bitmap Index Scan on $index/,
			"$label: r $op $arg is served by $index");
		my $by_index = $node->safe_psql($db, "$idx_set\n$q");
		my $seqplan = plan_of($node, $db, $seq_set, $q);
		unlike($seqplan, qr/Index/, "$label: r $op $arg seq plan has no index");
		my $by_seq = $node->safe_psql($db, "$seq_set\n$q");
		my $n = $by_seq eq '' ? 0 : scalar(split /,/, $by_seq);
		$total += $n;
		# (ok, not is: two lists of thousands of ids say less than the
		# difference does)
		ok($by_index eq $by_seq,
			"$label: r $op $arg: index scan = seq scan ($n rows)")
		  or diag_id_difference($by_index, $by_seq);
	}
	return $total;
}

# On a mismatch, says which ids only one side found (the first 20 of each),
# rather than two lists of thousands.
sub diag_id_difference
{
	my ($by_index, $by_seq) = @_;
	my %in_index = map { $_ => 1 } split /,/, $by_index;
	my %in_seq = map { $_ => 1 } split /,/, $by_seq;
	my @only_index = sort { $a <=> $b } grep { !$in_seq{$_} } keys %in_index;
	my @only_seq = sort { $a <=> $b } grep { !$in_index{$_} } keys %in_seq;
	diag(sprintf('%d ids only by the index scan: %s', scalar @only_index,
			join(',', grep { defined } @only_index[0 .. 19])));
	diag(sprintf('%d ids only by the seq scan: %s', scalar @only_seq,
			join(',', grep { defined } @only_seq[0 .. 19])));
	return;
}

# After $node->kill9: waits for the killed postmaster $pid to be reaped,
# else a restart takes its postmaster.pid and socket lock file for live
# ones.  In a container whose init does not reap orphans it may stay a
# zombie: then, after 30 s, removes the two lock files (what an
# administrator would do; the shared memory interlock still protects the
# data directory).  Returns 'gone', 'zombie' or 'alive' and the seconds
# waited.
sub wait_for_killed_postmaster
{
	my ($node, $pid) = @_;
	my $state_of = sub {
		return 'gone' unless kill 0, $pid;
		open my $fh, '<', "/proc/$pid/stat" or return 'gone';
		my $stat = <$fh> // '';
		return $stat =~ /^\d+ \(.*\) Z/ ? 'zombie' : 'alive';
	};
	my $t0 = Time::HiRes::time();
	select(undef, undef, undef, 0.1)
	  while $state_of->() ne 'gone' && Time::HiRes::time() - $t0 < 30;
	my $state = $state_of->();
	if ($state eq 'zombie')
	{
		unlink($node->data_dir . '/postmaster.pid');
		unlink($node->host . '/.s.PGSQL.' . $node->port . '.lock');
	}
	return ($state, Time::HiRes::time() - $t0);
}

1;
