#!/bin/bash
# Builds and tests pg_review on another Debian release in a chroot made by
# debootstrap from Debian's own packages, for the PostgreSQL major that
# release ships:
#
#   test/chroot/run.sh DIST [STAGE ...]
#
#	DIST	bookworm (PostgreSQL 15), trixie (17) or sid (18); PG_MAJOR=NN
#			overrides the major (it must be in DIST's archive)
#	STAGE	base	debootstrap, then the build and test packages (cached)
#			test	build (WERROR=1), core unit tests, install, every
#					pg_regress suite (review_rum included) on a throwaway cluster
#			tap		the TAP tests (test/t)
#			deb		build postgresql-NN-review with pg_buildext, install it with
#					dpkg in a clean chroot, CREATE EXTENSION and a few queries
#			demo	the README's "make demo" in a clean chroot with only make
#					(bare), postgresql-client-NN (client) or postgresql-NN
#					(server): DEMO_SCENARIOS="bare client server"
#			(default: base test deb)
#
# The chroots are kept under CHROOT_CACHE (default test/chroot/cache, ignored
# by git): a rerun reuses them; a fresh machine pays the debootstrap once.
# The mirror is the host's (its apt sources), or MIRROR=.  Each stage prints
# its time; the last line is "DIST-NN: N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
SRC=$PWD

DIST=${1:?usage: test/chroot/run.sh bookworm|trixie|sid [base|test|tap|deb ...]}
shift
case "$DIST" in
	bookworm) DEFAULT_MAJOR=15 ;;
	trixie) DEFAULT_MAJOR=17 ;;
	sid) DEFAULT_MAJOR=18 ;;
	*) echo "unknown DIST $DIST (bookworm, trixie or sid)" >&2; exit 2 ;;
esac
PG_MAJOR=${PG_MAJOR:-$DEFAULT_MAJOR}
STAGES=("$@")
[ ${#STAGES[@]} -eq 0 ] && STAGES=(base test deb)

CACHE=${CHROOT_CACHE:-$SRC/test/chroot/cache}
ROOT=$CACHE/$DIST
TAG="$DIST-$PG_MAJOR"

[ "$(id -u)" -eq 0 ] || { echo "test/chroot/run.sh needs root (debootstrap, chroot, mount)" >&2; exit 1; }

# The host's Debian mirror: the first deb URI of its apt sources.
host_mirror() {
	{
		sed -n 's/^URIs:[[:space:]]*\([^[:space:]]*\).*/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null
		sed -n 's/^deb[[:space:]]\+\(\[[^]]*\][[:space:]]\+\)\?\([^[:space:]]*\)[[:space:]].*/\2/p' \
			/etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null
	} | grep -E '/debian/?$' | head -1
}
MIRROR=${MIRROR:-$(host_mirror)}
MIRROR=${MIRROR:-http://deb.debian.org/debian}

passed=0
failed=0
result() {	# result NAME OK?
	if [ "$2" -eq 0 ]; then passed=$((passed + 1)); echo "$TAG: $1 ok"; else failed=$((failed + 1)); echo "$TAG: $1 FAILED"; fi
}

MOUNTED=()
mount_fs() {	# mount_fs ROOTDIR
	local r=$1
	mountpoint -q "$r/proc" || { mount -t proc proc "$r/proc" && MOUNTED+=("$r/proc"); }
	mountpoint -q "$r/dev" || { mount --rbind /dev "$r/dev" && mount --make-rslave "$r/dev" && MOUNTED+=("$r/dev"); }
	mkdir -p "$r/dev/shm"
	mountpoint -q "$r/sys" || { mount --rbind /sys "$r/sys" && mount --make-rslave "$r/sys" && MOUNTED+=("$r/sys"); }
}
umount_all() {
	local i
	for ((i = ${#MOUNTED[@]} - 1; i >= 0; i--)); do
		umount -R "${MOUNTED[$i]}" 2>/dev/null || umount -lR "${MOUNTED[$i]}" 2>/dev/null
	done
	MOUNTED=()
}
trap umount_all EXIT

in_root() {	# in_root ROOTDIR COMMAND...: a shell command inside the chroot, as root
	local r=$1
	shift
	chroot "$r" /usr/bin/env -i HOME=/root LANG=C.UTF-8 PATH=/usr/sbin:/usr/bin:/sbin:/bin \
		DEBIAN_FRONTEND=noninteractive PG_MAJOR="$PG_MAJOR" /bin/bash -c "$*"
}

timed() {	# timed LABEL COMMAND...: runs it, prints how long it took
	local label=$1 t0=$SECONDS rc
	shift
	"$@"
	rc=$?
	echo "$TAG: stage $label took $((SECONDS - t0)) s (exit $rc)"
	return $rc
}

# A minimal Debian with apt set up for DIST: policy-rc.d so that packages
# start no service, no main cluster created by postgresql-common, deb-src
# for the source packages of headers a binary package lacks.
debootstrap_root() {	# debootstrap_root DIR
	local r=$1
	rm -rf "$r.tmp"
	mkdir -p "$(dirname "$r")"
	debootstrap --variant=minbase --include=ca-certificates "$DIST" "$r.tmp" "$MIRROR" >"$CACHE/$DIST-debootstrap.log" 2>&1 ||
		{ tail -30 "$CACHE/$DIST-debootstrap.log"; return 1; }
	printf '#!/bin/sh\nexit 101\n' >"$r.tmp/usr/sbin/policy-rc.d"
	chmod 755 "$r.tmp/usr/sbin/policy-rc.d"
	# sid's Release carries a Valid-Until that a snapshot mirror outlives.
	cat >"$r.tmp/etc/apt/apt.conf.d/90pg_review" <<APT
Acquire::Check-Valid-Until "false";
APT::Install-Recommends "false";
APT::Install-Suggests "false";
APT
	rm -f "$r.tmp/etc/apt/sources.list"
	cat >"$r.tmp/etc/apt/sources.list.d/debian.sources" <<SRC
Types: deb deb-src
URIs: $MIRROR
Suites: $DIST
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
	mkdir -p "$r.tmp/etc/postgresql-common"
	echo "create_main_cluster = false" >"$r.tmp/etc/postgresql-common/createcluster.conf"
	mv "$r.tmp" "$r"
}

BUILD_PKGS="postgresql-$PG_MAJOR postgresql-server-dev-$PG_MAJOR postgresql-$PG_MAJOR-rum postgresql-common postgresql-server-dev-all
libicu-dev pkg-config make gcc libc6-dev build-essential binutils python3 libipc-run-perl dpkg-dev debhelper fakeroot"

stage_base() {
	[ -d "$ROOT" ] || debootstrap_root "$ROOT" || return 1
	# The clean chroot of the deb stage: this one before any package of ours.
	[ -f "$CACHE/$DIST-clean.tar" ] || tar -C "$ROOT" -cf "$CACHE/$DIST-clean.tar" . || return 1
	# The packages, when one is missing (a cached chroot of an older list).
	if ! in_root "$ROOT" "dpkg-query -W -f='\${Status}\n' $(echo $BUILD_PKGS) 2>/dev/null | grep -vc 'install ok installed' | grep -qx 0"; then
		mount_fs "$ROOT"
		in_root "$ROOT" "apt-get update -qq && apt-get install -y -qq $(echo $BUILD_PKGS) >/var/log/pg_review-apt.log 2>&1" ||
			{ tail -30 "$ROOT/var/log/pg_review-apt.log"; umount_all; return 1; }
		umount_all
	fi
	fetch_rum_headers "$ROOT"
}

# RUM's headers: from postgresql-NN-rum when it ships them, otherwise from
# the Debian source package of the installed postgresql-NN-rum (sid's
# lacks rum.h and rumsort.h), unpacked under /var/cache/pg_review-rum in the
# chroot.  Prints the directory to pass as RUM_INCLUDEDIR, or nothing.
RUM_INCLUDEDIR=""
fetch_rum_headers() {	# fetch_rum_headers ROOTDIR
	local r=$1 inc srcver dir
	inc=$(in_root "$r" "pg_config --includedir-server" 2>/dev/null)
	if [ -f "$r$inc/rum.h" ]; then
		echo "$TAG: rum.h from postgresql-$PG_MAJOR-rum"
		RUM_INCLUDEDIR=$inc
		return 0
	fi
	srcver=$(in_root "$r" "dpkg-query -W -f='\${source:Package}=\${source:Version}' postgresql-$PG_MAJOR-rum")
	dir=/var/cache/pg_review-rum/$srcver
	if [ ! -f "$r$dir/.done" ]; then
		mount_fs "$r"
		# apt checks each file it fetches against the Sources index.  Where
		# the mirror serves the upstream tarball but not the .dsc, the
		# headers come from that tarball (Debian's patches are not applied).
		in_root "$r" "rm -rf '$dir' && mkdir -p '$dir' && cd '$dir' && { apt-get source -qq --download-only '$srcver' >apt.log 2>&1 || true; } &&
			if ls ./*.dsc >/dev/null 2>&1; then dpkg-source -x --no-check ./*.dsc src >/dev/null; else
				ls ./*.orig.tar.* >/dev/null 2>&1 || { cat apt.log; exit 1; }
				echo 'no .dsc on the mirror: the headers come from the upstream tarball of the source package'
				mkdir src && tar -C src --strip-components=1 -xf ./*.orig.tar.*; fi && touch .done" ||
			{ echo "$TAG: cannot get the source package $srcver"; return 1; }
	fi
	RUM_INCLUDEDIR=$(cd "$r$dir/src" && dirname "$(find . -name rum.h -path '*/src/*' | head -1)")
	RUM_INCLUDEDIR=$dir/src/${RUM_INCLUDEDIR#./}
	echo "$TAG: rum.h from the source package $srcver ($RUM_INCLUDEDIR)"
}

# A TCP port nobody listens on: the chroot shares the host's network but
# not its list of clusters.
free_port() {
	local p
	while :; do
		p=$((20000 + RANDOM % 20000))
		(echo >"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
	done
}

# The work tree (tracked and untracked files, not the ignored ones) copied
# to DIR in the chroot.
copy_source() {	# copy_source ROOTDIR DIR
	rm -rf "$1$2"
	mkdir -p "$1$2"
	git -C "$SRC" ls-files -z -co --exclude-standard | (cd "$SRC" && tar --null -T - -cf - 2>/dev/null) | tar -C "$1$2" -xf -
}

# Build (warnings are errors), unit tests, install and every pg_regress
# suite, TAP tests too when the argument is 1, counted by test/run-all.sh;
# its counts are this stage's.
stage_test() {	# stage_test TAP
	local out rc line
	[ -n "$RUM_INCLUDEDIR" ] || fetch_rum_headers "$ROOT" || return 1
	copy_source "$ROOT" /build/pg_review
	mount_fs "$ROOT"
	out=$(in_root "$ROOT" "cd /build/pg_review && export WERROR=1 RUM_INCLUDEDIR='$RUM_INCLUDEDIR' PGPORT=$(free_port) ASAN=0 VALGRIND=0 FUZZ_SECONDS=0 TAP=$1 &&
		{ make -s print-regress | grep -qw review_rum || { echo 'rum.h not found: review_rum would not run'; exit 1; }; } &&
		test/run-all.sh" 2>&1)
	rc=$?
	echo "$out" | sed "s/^/[$TAG] /"
	line=$(echo "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed$' | tail -1)
	umount_all
	if [ -n "$line" ]; then
		passed=$((passed + ${line%% passed*}))
		line=${line#* passed, }
		failed=$((failed + ${line%% failed*}))
	else
		failed=$((failed + 1))
	fi
	return $rc
}

# rm -rf of a chroot, never through a mount of the host's /dev, /proc, /sys.
safe_rm() {	# safe_rm DIR
	[ -e "$1" ] || return 0
	if grep -q " $(readlink -f "$1")/" /proc/mounts; then
		echo "$1 still has mounts: not removed" >&2
		return 1
	fi
	rm -rf "$1"
}

# The Debian package postgresql-NN-review built with pg_buildext in the build
# chroot, then installed with dpkg in a clean chroot (DIST as debootstrap
# made it, plus postgresql-NN and postgresql-NN-rum from the archive), where
# package-smoke.sql runs against a throwaway cluster and must print
# package-smoke.out.
stage_deb() {
	local deb clean=$CACHE/$DIST-deb out=$CACHE/$TAG-package-smoke.out rc
	[ -n "$RUM_INCLUDEDIR" ] || fetch_rum_headers "$ROOT" || return 1
	copy_source "$ROOT" /build/deb/pg-review
	rm -f "$ROOT"/build/deb/*.deb
	mount_fs "$ROOT"
	in_root "$ROOT" "cd /build/deb/pg-review && pg_buildext updatecontrol &&
		MAKEVARS='RUM_INCLUDEDIR=$RUM_INCLUDEDIR' dpkg-buildpackage -us -uc -b >../build.log 2>&1" ||
		{ tail -40 "$ROOT/build/deb/build.log"; umount_all; return 1; }
	umount_all
	deb=$(ls "$ROOT"/build/deb/postgresql-"$PG_MAJOR"-review_*.deb 2>/dev/null | head -1)
	[ -n "$deb" ] || { echo "$TAG: no postgresql-$PG_MAJOR-review package was built"; return 1; }
	echo "$TAG: built $(basename "$deb") ($(stat -c %s "$deb") bytes; Depends: $(dpkg-deb -f "$deb" Depends))"
	dpkg-deb -c "$deb" | grep -q "extension/pg_review_rum.control" ||
		{ echo "$TAG: the package has no pg_review_rum"; return 1; }

	safe_rm "$clean" || return 1
	mkdir -p "$clean"
	tar -C "$clean" -xf "$CACHE/$DIST-clean.tar" || return 1
	mkdir -p "$clean/tmp/smoke/data"
	cp "$deb" "$clean/tmp/"
	cp "$SRC/test/chroot/package-smoke.sql" "$clean/tmp/smoke/"
	cp "$SRC/data/samples.sql" "$clean/tmp/smoke/data/"
	mount_fs "$clean"
	in_root "$clean" "apt-get update -qq && apt-get install -y -qq postgresql-$PG_MAJOR postgresql-$PG_MAJOR-rum >/var/log/pg_review-apt.log 2>&1 || { tail -20 /var/log/pg_review-apt.log; exit 1; }
		dpkg -i /tmp/$(basename "$deb") >/dev/null && echo '$TAG: dpkg -i $(basename "$deb"): ok' >&2 &&
		cd /tmp/smoke && PGPORT=$(free_port) pg_virtualenv -t -v $PG_MAJOR psql -X -q -f package-smoke.sql" >"$out.raw"
	rc=$?
	# (pg_virtualenv's own lines)
	grep -v '^Creating new PostgreSQL cluster\|^Dropping cluster' "$out.raw" >"$out"
	umount_all
	safe_rm "$clean"
	if [ "$rc" -ne 0 ] || ! diff -u "$SRC/test/chroot/package-smoke.out" "$out"; then
		echo "$TAG: the installed package did not answer as package-smoke.out says (exit $rc; output in $out)"
		return 1
	fi
	echo "$TAG: CREATE EXTENSION pg_review, pg_review_rum and the queries of package-smoke.sql: as expected"
}

# The README's "make demo" in a clean chroot as a new user finds it, for
# each SCENARIO: bare (only make), client (postgresql-client-NN: pg_config
# and pgxs.mk, no server headers) and server (postgresql-NN, no
# postgresql-server-dev-NN).  First as a user without root, who must be
# told the apt-get line, then as root, where it installs what is missing
# and prints the tour.
stage_demo() {	# stage_demo SCENARIO ...
	local sc pkgs d=$CACHE/$DIST-demo out rc=0
	for sc in "$@"; do
		case "$sc" in
			bare) pkgs="" ;;
			client) pkgs="postgresql-client-$PG_MAJOR" ;;
			server) pkgs="postgresql-$PG_MAJOR" ;;
			*) echo "unknown demo scenario $sc" >&2; return 2 ;;
		esac
		safe_rm "$d" || return 1
		mkdir -p "$d"
		tar -C "$d" -xf "$CACHE/$DIST-clean.tar" || return 1
		copy_source "$d" /src/pg_review
		chmod -R a+rwX "$d/src/pg_review"
		mount_fs "$d"
		out=$(in_root "$d" "apt-get update -qq && apt-get install -y -qq make $pkgs >/var/log/pg_review-apt.log 2>&1 || { tail -20 /var/log/pg_review-apt.log; exit 1; }
			cd /src/pg_review
			if runuser -u nobody -- make demo >/tmp/user.log 2>&1; then echo 'make demo without root: succeeded?'; exit 1; fi
			grep -q 'sudo apt-get install -y .*postgresql-server-dev-$PG_MAJOR' /tmp/user.log || { echo 'make demo without root did not print the apt-get line:'; cat /tmp/user.log; exit 1; }
			grep 'apt-get install' /tmp/user.log
			PGPORT=$(free_port) make demo" 2>&1)
		if [ $? -eq 0 ] && echo "$out" | grep -q '^== Themes, from what redact() shows$' &&
			echo "$out" | grep -qE '^ family & fire +\| \{2\} +\| \{\}$'; then
			echo "$out" | grep 'apt-get install' | sed "s/^/$TAG: demo ($sc): without root: /"
			echo "$TAG: demo ($sc): make demo installed what was missing and printed the tour"
		else
			echo "$out" | tail -40 | sed "s/^/[$TAG demo $sc] /"
			echo "$TAG: demo ($sc) FAILED"
			rc=1
		fi
		umount_all
		safe_rm "$d"
	done
	return $rc
}

for s in "${STAGES[@]}"; do
	case "$s" in
		base) timed base stage_base; result base $? ;;
		test) timed test stage_test 0 ;;
		tap) timed test+tap stage_test 1 ;;
		deb) timed deb stage_deb; result deb $? ;;
		demo) timed demo stage_demo ${DEMO_SCENARIOS:-bare client server}; result demo $? ;;
		*) echo "unknown stage $s" >&2; exit 2 ;;
	esac
done
echo "$TAG: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
