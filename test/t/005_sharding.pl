# Sharding with postgres_fdw: PostgreSQL's own scale-out.
#
# A coordinator and two shard servers (all on this machine; the coordinator
# reaches the shards over their Unix sockets).  On the coordinator, table
# reviews(id, r) is partitioned by hash on id into 4 partitions, each a
# postgres_fdw foreign table on a shard (partitions 0 and 2 on shard0, 1 and
# 3 on shard1), through servers with OPTIONS (extensions 'pg_review').  Each
# shard has the extension and a GIN index per partition.  The same reviews
# are also in one local table on the coordinator (local_reviews, with its own
# GIN index), the reference every sharded result is compared with.
#
# Proves:
#  - loading: half the rows are INSERTed through the coordinator (routed to
#    the foreign partitions; postgres_fdw sends them in text form), half are
#    moved to the shards by binary COPY (review_send on the coordinator,
#    review_recv on the shard); the values on the shards equal the local ones
#    by = and ::text (through the coordinator), the shards' binary COPY of
#    each partition is byte-identical to the coordinator's, and the analysis
#    the shards computed (keywords, redact, spoiler score) is the same;
#  - shipping: for the 35 probes of PgReviewTest::probes(), EXPLAIN (VERBOSE)
#    shows every one inside every partition's Remote SQL, with no local
#    Filter: @@ reviewquery and @@~ reviewquery (also reviewquery(text,
#    lang), folded to a constant), and the operators whose right-hand side is
#    text or text[] (@@ text, @@~ text, ?, ?|, ?&).  postgres_fdw ships no
#    operator or function whose input collation it cannot trace to a foreign
#    column (deparse.c, foreign_expr_walker), and a text constant gives the
#    call the default collation; since 0.3.0 the planner support function
#    review_support drops the input collation of these calls (the functions
#    ignore it), so they ship.  Also shipped: has_spoilers()/review_rating()
#    filters, redact(r), redact(r, threshold => 1), redact(r, '***', 1) with
#    an explicit mask and review_rank(r, q) in the remote target list of a
#    query grouped per partition (GROUP BY id, redact(r) with
#    enable_partitionwise_aggregate), a function-form call review_exists(r,
#    w) (planned as r ? w), and theme_query() through an InitPlan parameter;
#  - each shard answers the shipped searches with its GIN index: auto_explain
#    on the shards logs the plan of every cursor postgres_fdw opens, and for
#    every probe and partition it is a Bitmap Index Scan on that partition's
#    GIN index (a probe that needs every row, made only of negations or
#    ?& of an empty array, may scan the table, as on one server); pg_stat_user_indexes.idx_scan on each shard
#    grows by exactly the number of those index scans.  The servers set
#    cursor_tuple_fraction=1 for the remote sessions (OPTIONS (options ...)):
#    postgres_fdw reads its cursors to the end, and with the default 0.1 the
#    shards plan prefix and negation searches as table scans.  They also set
#    enable_seqscan=off: the shards have keyword statistics (ANALYZE), and
#    many probes match a large share of these small partitions (40-word
#    reviews from a small vocabulary), for which a table scan is the right
#    plan; the point here is that every shipped operator can be answered
#    with the shard's GIN index;
#  - every probe returns the same ids from the sharded table as from the local
#    table.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::RealBin/lib";

use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;
use Time::HiRes qw(time);
use PgReviewTest;

my $NROWS = $ENV{PG_REVIEW_SHARD_ROWS} || 12000;
my $NPARTS = 4;
my $t0 = time;

my $coord = review_node('coord');
# auto_explain on the shards logs the plan of every query they run, among
# them the cursors postgres_fdw opens for the coordinator.
my @shards = map {
	review_node("shard$_",
		'session_preload_libraries' => "'auto_explain'",
		'auto_explain.log_min_duration' => '0')
} 0 .. 1;
setup_review_db($_, 'rv') foreach ($coord, @shards);
my $shard_of = sub { $shards[ $_[0] % 2 ] };    # partition -> shard node

# The shards: one table and, after loading, one GIN index per partition.
foreach my $k (0 .. $NPARTS - 1)
{
	$shard_of->($k)->safe_psql('rv',
		"CREATE TABLE reviews_p$k (id bigint PRIMARY KEY, r review NOT NULL)");
}

# The coordinator: servers with the extension listed, user mappings, the
# partitioned table of foreign partitions, and the local reference table.
my $ddl = "CREATE EXTENSION postgres_fdw;\n";
foreach my $i (0 .. 1)
{
	my ($host, $port) = ($shards[$i]->host, $shards[$i]->port);
	$ddl .= qq{
		CREATE SERVER shard$i FOREIGN DATA WRAPPER postgres_fdw
			OPTIONS (host '$host', port '$port', dbname 'rv',
			         extensions 'pg_review', async_capable 'true',
			         batch_size '200', fetch_size '1000',
			         options '-c cursor_tuple_fraction=1 -c enable_seqscan=off');
		CREATE USER MAPPING FOR CURRENT_USER SERVER shard$i;
	};
}
$ddl .= "CREATE TABLE reviews (id bigint NOT NULL, r review NOT NULL) PARTITION BY HASH (id);\n";
foreach my $k (0 .. $NPARTS - 1)
{
	my $s = $k % 2;
	$ddl .= "CREATE FOREIGN TABLE reviews_p$k PARTITION OF reviews "
	  . "FOR VALUES WITH (MODULUS $NPARTS, REMAINDER $k) "
	  . "SERVER shard$s OPTIONS (table_name 'reviews_p$k');\n";
}
$ddl .= qq{
	CREATE TABLE local_reviews AS
		SELECT s::bigint AS id, gen_review(s) AS r FROM generate_series(1, $NROWS) s;
	ALTER TABLE local_reviews ADD PRIMARY KEY (id);
	CREATE INDEX local_reviews_r_idx ON local_reviews USING gin (r);
	ANALYZE local_reviews;
};
$coord->safe_psql('rv', $ddl);

# Load 1: the first half through the coordinator (tuple routing into the
# foreign partitions).
my $half = int($NROWS / 2);
my $t = time;
$coord->safe_psql('rv',
	"INSERT INTO reviews SELECT id, r FROM local_reviews WHERE id <= $half");
note(sprintf('%d rows inserted through the coordinator in %.1f s', $half, time - $t));

# Load 2: the second half by binary COPY, coordinator -> file -> shard.
my $dir = PostgreSQL::Test::Utils::tempdir;
my $part_filter = sub { "satisfies_hash_partition('reviews'::regclass, $NPARTS, $_[0], id)" };
$t = time;
foreach my $k (0 .. $NPARTS - 1)
{
	$coord->safe_psql('rv',
		    "COPY (SELECT id, r FROM local_reviews WHERE id > $half AND "
		  . $part_filter->($k)
		  . ") TO '$dir/in_p$k.bin' WITH (FORMAT binary)");
	$shard_of->($k)->safe_psql('rv',
		"COPY reviews_p$k FROM '$dir/in_p$k.bin' WITH (FORMAT binary)");
}
note(sprintf('%d rows moved by binary COPY in %.1f s', $NROWS - $half, time - $t));
foreach my $k (0 .. $NPARTS - 1)
{
	$shard_of->($k)->safe_psql('rv',
		"CREATE INDEX reviews_p${k}_r_idx ON reviews_p$k USING gin (r); ANALYZE reviews_p$k;");
}

# Every row is on the shard of its partition, and nowhere else.
is($coord->safe_psql('rv', 'SELECT count(*), count(DISTINCT id), sum(id) FROM reviews'),
	$coord->safe_psql('rv', 'SELECT count(*), count(DISTINCT id), sum(id) FROM local_reviews'),
	"$NROWS rows in the sharded table, the local table's ids");
foreach my $k (0 .. $NPARTS - 1)
{
	my $want = $coord->safe_psql('rv',
		'SELECT count(*), sum(id) FROM local_reviews WHERE ' . $part_filter->($k));
	is($shard_of->($k)->safe_psql('rv', "SELECT count(*), sum(id) FROM reviews_p$k"),
		$want, "partition $k on shard" . ($k % 2) . " holds exactly its hash partition ($want)");
}

# Values: equal by = and ::text through the coordinator (the shards' text
# output parsed again on the coordinator) ...
is( $coord->safe_psql('rv', q{
		SELECT count(*) FROM reviews s JOIN local_reviews l USING (id)
		WHERE s.r = l.r AND s.r::text = l.r::text}),
	$NROWS, 'every sharded value equals the local one (= and ::text)');
# ... the binary form the shards send is byte for byte the coordinator's ...
foreach my $k (0 .. $NPARTS - 1)
{
	$shard_of->($k)->safe_psql('rv',
		"COPY (SELECT id, r FROM reviews_p$k ORDER BY id) TO '$dir/shard_p$k.bin' WITH (FORMAT binary)");
	$coord->safe_psql('rv',
		    'COPY (SELECT id, r FROM local_reviews WHERE '
		  . $part_filter->($k)
		  . " ORDER BY id) TO '$dir/local_p$k.bin' WITH (FORMAT binary)");
	my ($a, $b) = map { slurp_binary("$dir/${_}_p$k.bin") } qw(shard local);
	ok(length($a) > 100 && $a eq $b,
		"partition $k: binary COPY on the shard is byte-identical to the coordinator's ("
		  . length($a) . ' bytes)');
}
# ... and the analysis each shard computed (from text for the first half,
# from review_recv for the second) is the coordinator's.
my $analysis = q{md5(string_agg(id || ':' || review_keywords(r)::text || ':' || redact(r)
	|| ':' || spoiler_score(r) || ':' || has_spoilers(r), '|' ORDER BY id))};
foreach my $k (0 .. $NPARTS - 1)
{
	is( $shard_of->($k)->safe_psql('rv', "SELECT $analysis FROM reviews_p$k"),
		$coord->safe_psql('rv',
			"SELECT $analysis FROM local_reviews WHERE " . $part_filter->($k)),
		"partition $k: keywords, redact(), spoiler score computed on the shard = on the coordinator");
}

# idx_scan of the GIN indexes of one shard.
sub gin_scans
{
	my ($node) = @_;
	return $node->safe_psql('rv', q{
		SELECT coalesce(sum(idx_scan), 0) FROM pg_stat_user_indexes
		WHERE indexrelname LIKE 'reviews_p%_r_idx'});
}

# The plans auto_explain logged on a shard since log offset $from, as
# [query text, plan text] for the cursors postgres_fdw declared.
sub remote_plans
{
	my ($node, $from) = @_;
	my $log = slurp_binary($node->logfile);
	$log = substr($log, $from);
	my @plans;
	foreach my $entry (split /^\S.*LOG:  duration: [\d.]+ ms  plan:\n/m, $log)
	{
		next unless $entry =~ /^\tQuery Text: DECLARE c\d+ CURSOR FOR\n\t(.*)\n((?:\t.*\n)*)/;
		push @plans, [ $1, $2 ];
	}
	return @plans;
}

my @scans_before = map { gin_scans($_) } @shards;
my @index_plans = (0, 0);    # per shard: remote queries run on a GIN index
my $n_negation_plans = 0;    # remote queries of probes that need every row

# The 35 probes, every one shipped: right-hand sides of type reviewquery,
# text and text[].
my $explain = 'EXPLAIN (VERBOSE, COSTS OFF)';
my ($n_shipped, $total_rows) = (0, 0);
foreach my $p (probes())
{
	my ($op, $arg) = @$p;
	my $where = "r $op $arg";
	my $plan = $coord->safe_psql('rv', "$explain SELECT id FROM reviews WHERE $where");
	my @remote = $plan =~ /Remote SQL: (.*)$/mg;
	is(scalar(@remote), $NPARTS, "$where: one remote query per partition");
	my $opq = quotemeta("OPERATOR(public.$op)");
	my $shipped = grep {
		/^SELECT id FROM public\.reviews_p\d WHERE \(\(r $opq '.*'::(?:public\.reviewquery|text|text\[\])\)\)$/
	} @remote;
	is($shipped, $NPARTS, "$where: shipped to every shard") or diag($plan);
	unlike($plan, qr/Filter:/, "$where: nothing is filtered on the coordinator");
	$n_shipped++ if $shipped == $NPARTS && $plan !~ /Filter:/;

	my @log_from = map { -s $_->logfile } @shards;
	my $q = "SELECT coalesce(string_agg(id::text, ',' ORDER BY id), '') FROM %s WHERE $where";
	my $sharded = $coord->safe_psql('rv', sprintf($q, 'reviews'));
	my $local = $coord->safe_psql('rv', sprintf($q, 'local_reviews'));
	my $n = $local eq '' ? 0 : scalar(split /,/, $local);
	$total_rows += $n;
	is($sharded, $local, "$where: sharded result = local result ($n rows)");

	# What each shard ran: a GIN index scan per partition.  A query made of
	# negations only, or ?& of no word, needs every row; a shard may scan the
	# table for it, as a single server would.
	my $negations_only = $arg =~ /^'!\w+(?: & !\w+)*'::(?:reviewquery|text)$/
	  || ($op eq '?&' && $arg eq 'ARRAY[]::text[]');
	foreach my $k (0 .. $NPARTS - 1)
	{
		my $i = $k % 2;
		my @ran;
		foreach my $try (1 .. 50)    # the log is written as the cursors close
		{
			@ran = grep { $_->[0] =~ /FROM public\.reviews_p$k WHERE \(\(r $opq / }
			  remote_plans($shards[$i], $log_from[$i]);
			last if @ran;
			Time::HiRes::sleep(0.1);
		}
		is(scalar(@ran), 1, "$where: shard$i ran partition ${k}'s query once");
		my $on_index = @ran && $ran[0][1] =~ /Bitmap Index Scan on reviews_p${k}_r_idx/;
		$index_plans[$i]++ if $on_index;
		$n_negation_plans++ if $negations_only;
		ok($on_index || $negations_only,
			$on_index
			? "$where: shard$i searched partition $k with its GIN index"
			: "$where: shard$i scanned partition ${k}'s table (needs every row, as a single server may)")
		  or diag(@ran ? $ran[0][1] : 'no plan logged');
	}
}
my $n_probes = () = probes();
note("$n_shipped of $n_probes probes shipped, $total_rows matching rows in all");
ok($n_shipped == $n_probes && $total_rows > $NROWS,
	"every probe ships and they match something ($n_shipped of $n_probes shipped)");

# The statistics agree: each index scan the shards logged counted once in
# pg_stat_user_indexes (flushed when the remote sessions end, i.e. when the
# coordinator's sessions end).
foreach my $i (0 .. 1)
{
	ok($index_plans[$i] >= 2 * $n_shipped - $n_negation_plans / 2,
		"shard$i: $index_plans[$i] of " . 2 * $n_shipped . ' remote searches used a GIN index');
	my $want = $scans_before[$i] + $index_plans[$i];
	$shards[$i]->poll_query_until('rv', q{
		SELECT coalesce(sum(idx_scan), 0) >= } . $want . q{ FROM pg_stat_user_indexes
		WHERE indexrelname LIKE 'reviews_p%_r_idx'})
	  or diag("shard$i: idx_scan did not reach $want");
	is(gin_scans($shards[$i]) - $scans_before[$i], $index_plans[$i],
		"shard$i: pg_stat_user_indexes.idx_scan of its GIN indexes grew by $index_plans[$i]");
}

# More shapes.  [name, sharded query (%s: the table), settings, Remote SQL
# pattern (must be in every partition's remote query)]; nothing may be
# filtered on the coordinator.
my $q_butler = q{'butler | heir | twin'::reviewquery};
my @shapes = (
	[
		'accessor filters: has_spoilers(r) AND review_rating(r) >= 60',
		q{SELECT id FROM %s WHERE has_spoilers(r) AND review_rating(r) >= 60 AND r @@~ 'work*'::reviewquery},
		'',
		qr/^SELECT id FROM public\.reviews_p\d WHERE (?=.*\(public\.has_spoilers\(r\)\))(?=.*\(public\.review_rating\(r\) >= 60)(?=.*OPERATOR\(public\.@@~\))/,
	],
	[
		'redact(r) in the remote target list (grouped per partition)',
		"SELECT id, redact(r) FROM %s WHERE r \@\@ $q_butler GROUP BY id, redact(r)",
		'SET enable_partitionwise_aggregate = on;',
		qr/^SELECT id, public\.redact\(r, '\[spoiler\]'::text, 0\.5::real\) FROM public\.reviews_p\d WHERE \(\(r OPERATOR\(public\.@@\) .*\)\) GROUP BY 1, 2$/,
	],
	[
		'redact(r, threshold => 1) in the remote target list',
		"SELECT id, redact(r, threshold => 1) FROM %s WHERE r \@\@ $q_butler GROUP BY id, redact(r, threshold => 1)",
		'SET enable_partitionwise_aggregate = on;',
		qr/^SELECT id, public\.redact\(r, '\[spoiler\]'::text, 1::real\) FROM public\.reviews_p\d WHERE .* GROUP BY 1, 2$/,
	],
	[
		'redact(r, mask, 1): explicit text mask, in the remote target list',
		"SELECT id, redact(r, '***', 1) FROM %s WHERE r \@\@ $q_butler GROUP BY id, redact(r, '***', 1)",
		'SET enable_partitionwise_aggregate = on;',
		qr/^SELECT id, public\.redact\(r, '\*\*\*'::text, 1::real\) FROM public\.reviews_p\d WHERE \(\(r OPERATOR\(public\.@@\) .*\)\) GROUP BY 1, 2$/,
	],
	[
		'function form review_exists(r, w) OR review_exists_any(r, ws): shipped as ? and ?|',
		q{SELECT id FROM %s WHERE review_exists(r, 'ghost') OR review_exists_any(r, ARRAY['twin', 'heir'])},
		'',
		qr/^SELECT id FROM public\.reviews_p\d WHERE \(\(\(r OPERATOR\(public\.\?\) 'ghost'::text\) OR \(r OPERATOR\(public\.\?\|\) '\{twin,heir\}'::text\[\]\)\)\)$/,
	],
	[
		q{text argument with a non-default collation: r @@ ('work*' COLLATE "C")},
		q{SELECT id FROM %s WHERE r @@ ('work*' COLLATE "C")},
		'',
		qr/^SELECT id FROM public\.reviews_p\d WHERE \(\(r OPERATOR\(public\.@@\) 'work\*'::text\)\)$/,
	],
	[
		'review_rank(r, q) in the remote target list (top 10 of a grouped subquery)',
		"SELECT id, rank FROM (SELECT id, review_rank(r, $q_butler) AS rank FROM %s WHERE r \@\@ $q_butler "
		  . "GROUP BY id, review_rank(r, $q_butler)) m ORDER BY rank DESC, id LIMIT 10",
		'SET enable_partitionwise_aggregate = on;',
		qr/^SELECT id, public\.review_rank\(r, '.*'::public\.reviewquery\) FROM public\.reviews_p\d WHERE .* GROUP BY 1, 2$/,
	],
	[
		'theme_query() (STABLE) through an InitPlan parameter',
		q{SELECT id FROM %s WHERE r @@ (SELECT theme_query('class and wealth'))},
		'',
		qr/^SELECT id FROM public\.reviews_p\d WHERE \(\(r OPERATOR\(public\.@@\) \$1::public\.reviewquery\)\)$/,
	],);
foreach my $s (@shapes)
{
	my ($name, $q, $set, $remote_re) = @$s;
	my $sq = sprintf($q, 'reviews');
	my $plan = $coord->safe_psql('rv', "$set\n$explain $sq");
	my @remote = $plan =~ /Remote SQL: (.*)$/mg;
	is(scalar(grep { $_ =~ $remote_re } @remote), $NPARTS, "$name: Remote SQL of every partition")
	  or diag($plan);
	unlike($plan, qr/Filter:/, "$name: nothing is filtered on the coordinator");
	my @sharded = sort split /\n/, $coord->safe_psql('rv', "$set\n$sq");
	my @local = sort split /\n/, $coord->safe_psql('rv', sprintf($q, 'local_reviews'));
	ok(@local > 0 && join("\n", @sharded) eq join("\n", @local),
		"$name: sharded result = local result (" . scalar(@local) . ' rows)');
}

$_->stop foreach ($coord, @shards);
note(sprintf('%d rows on %d partitions / 2 shards; %.1f s in all', $NROWS, $NPARTS, time - $t0));
done_testing();

sub slurp_binary
{
	my ($file) = @_;
	open(my $fh, '<:raw', $file) or die "cannot open $file: $!";
	local $/;
	my $data = <$fh>;
	close $fh;
	return $data;
}
