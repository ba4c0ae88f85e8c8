#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fresh Debian roots for the newcomer, packaging and KF6 tests (sourced, not run).
#
# ezr_root_tarball          prints the path of a Debian minbase root tarball (by default Debian 12
#                           with git and ca-certificates only), made with mmdebstrap from this
#                           machine's Debian mirror and cached under $EZR_TEST_CACHE keyed by a hash
#                           of its recipe. Another root: set EZR_ROOT_SUITE (e.g. trixie; the host's
#                           bookworm entries are used with that suite), EZR_ROOT_INCLUDE (packages,
#                           comma-separated) and EZR_ROOT_NAME (the tarball's name) before sourcing.
# ezr_root_script NAME SCRIPT ARGS...  the start of a script of these tests: runs SCRIPT again
#                           with sudo (keeping the EZR_* settings they read) unless this is root
#                           (exits when neither works), removes its roots at exit, and starts the
#                           clock of `phase MESSAGE` (prints "NAME: [SECONDS s] MESSAGE").
# ezr_commit_under_test SRC  prints HEAD of SRC (saying so on stderr when the working tree has
#                           changes, which are not in it), or with EZR_NEWCOMER_WORKTREE=1 a stash
#                           commit of the working tree's tracked files.
# ezr_root_clone ROOT SRC   clones the commit under test of the repository SRC to
#                           ROOT/root/ezrunner (and says which on stderr).
# ezr_root_new VAR          extracts a fresh copy into a temporary folder and stores its path in VAR;
#                           ezr_root_cleanup removes every root made so (call it from an EXIT trap).
# ezr_root_run ROOT CMD...  runs CMD in ROOT with chroot, in private mount and PID namespaces (/proc, /dev,
#                           /sys and the binds in EZR_ROOT_BINDS="host:inside ..."), so nothing stays
#                           mounted when it ends, even when it is killed.

EZR_TEST_CACHE="${EZR_TEST_CACHE:-/var/cache/ezrunner-test}"
EZR_ROOT_SUITE="${EZR_ROOT_SUITE:-bookworm}"
EZR_ROOT_INCLUDE="${EZR_ROOT_INCLUDE:-git,ca-certificates}"
EZR_ROOT_NAME="${EZR_ROOT_NAME:-debian12-minbase}"
# The suite of the host's APT entries the root's mirrors come from (the host is Debian 12).
EZR_ROOT_HOST_SUITE="${EZR_ROOT_HOST_SUITE:-bookworm}"
EZR_ROOT_RECIPE_VERSION="1"
EZR_ROOTS_MADE=()

# The Debian entries of the host's APT sources as one-line "deb URI SUITE COMPONENTS" entries for
# the root's suite (deb822 .sources and one-line .list files), or $EZR_NEWCOMER_MIRROR as given.
ezr_root_mirrors() {
    if [ -n "${EZR_NEWCOMER_MIRROR:-}" ]; then
        printf '%s\n' "$EZR_NEWCOMER_MIRROR"
        return
    fi
    local f
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [ -f "$f" ] || continue
        awk '$1 == "deb" && $0 !~ /\[/ { print }' "$f"
    done
    for f in /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] || continue
        awk 'function flush() { if (types ~ /(^| )deb( |$)/ && uris != "") { n = split(suites, s, " ");
                 for (i = 1; i <= n; i++) print "deb " uris " " s[i] " " comps } types = uris = suites = comps = "" }
             /^[[:space:]]*$/ { flush(); next }
             /^#/ { next }
             tolower($1) == "types:" { $1 = ""; types = substr($0, 2) }
             tolower($1) == "uris:" { $1 = ""; uris = substr($0, 2) }
             tolower($1) == "suites:" { $1 = ""; suites = substr($0, 2) }
             tolower($1) == "components:" { $1 = ""; comps = substr($0, 2) }
             END { flush() }' "$f"
    done
} 2>/dev/null

ezr_root_recipe() {
    local mirrors
    # Only Debian's own archive and security suites (not third-party repositories), those of the
    # host's suite renamed for the root's (bookworm-security -> trixie-security).
    mirrors="$(ezr_root_mirrors | awk -v suite="$EZR_ROOT_HOST_SUITE" -v want="$EZR_ROOT_SUITE" \
        '$2 ~ /\/debian(-security)?\/?$/ && ($3 == suite || $3 ~ "^" suite "[-/]") {
             if (want != suite) sub("^" suite, want, $3)
             print }' | sort -u)"
    if [ -z "$mirrors" ]; then
        echo "${EZR_PHASE_NAME:-newcomer}: no Debian $EZR_ROOT_SUITE mirror in /etc/apt/sources.list*; set EZR_NEWCOMER_MIRROR" >&2
        return 1
    fi
    printf 'recipe %s\nsuite %s\nvariant minbase\ninclude %s\n%s\n' \
        "$EZR_ROOT_RECIPE_VERSION" "$EZR_ROOT_SUITE" "$EZR_ROOT_INCLUDE" "$mirrors"
}

ezr_root_key() {
    ezr_root_recipe | sha256sum | cut -c1-16
}

ezr_root_tarball() {
    local recipe key tarball
    recipe="$(ezr_root_recipe)" || return 1
    key="$(printf '%s\n' "$recipe" | sha256sum | cut -c1-16)"
    tarball="$EZR_TEST_CACHE/$EZR_ROOT_NAME-$key.tar"
    mkdir -p "$EZR_TEST_CACHE"
    (
        # One maker at a time: the newcomer and packaging tests may start together.
        flock 9
        if [ ! -s "$tarball" ]; then
            local -a mirror_args=()
            while IFS= read -r line; do
                case "$line" in deb\ *) mirror_args+=("$line") ;; esac
            done <<<"$recipe"
            echo "${EZR_PHASE_NAME:-newcomer}: making $tarball (mmdebstrap, ${#mirror_args[@]} sources)" >&2
            mmdebstrap --quiet --variant=minbase --include="$EZR_ROOT_INCLUDE" --format=tar \
                "$EZR_ROOT_SUITE" "$tarball.part" "${mirror_args[@]}" >&2 || { rm -f "$tarball.part"; exit 1; }
            printf '%s\n' "$recipe" >"$tarball.recipe"
            mv "$tarball.part" "$tarball"
        fi
    ) 9>"$EZR_TEST_CACHE/.root-$EZR_ROOT_NAME.lock" || return 1
    echo "$tarball"
}

ezr_root_new() {
    local var="$1" tarball dir
    tarball="$(ezr_root_tarball)" || return 1
    mkdir -p "$EZR_TEST_CACHE/roots"
    dir="$(mktemp -d "$EZR_TEST_CACHE/roots/root.XXXXXX")"
    EZR_ROOTS_MADE+=("$dir")
    tar -C "$dir" -xf "$tarball"
    # Name resolution and the host names the mirror may need, as on the host.
    cp -L /etc/resolv.conf "$dir/etc/resolv.conf" 2>/dev/null || true
    cp /etc/hosts "$dir/etc/hosts"
    printf -v "$var" '%s' "$dir"
}

ezr_root_script() {
    local name="$1"
    shift
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            exec sudo -n --preserve-env=EZR_TEST_CACHE,EZR_NEWCOMER_WORKTREE,EZR_NEWCOMER_CCACHE,EZR_NEWCOMER_MIRROR \
                bash "$@"
        fi
        echo "$name: needs root (chroot, mounts) or password-less sudo" >&2
        exit 1
    fi
    trap ezr_root_cleanup EXIT
    trap 'exit 130' INT TERM
    EZR_PHASE_NAME="$name"
    EZR_PHASE_START=$SECONDS
}

phase() {
    echo "$EZR_PHASE_NAME: [$((SECONDS - EZR_PHASE_START)) s] $*" >&2
}

ezr_commit_under_test() {
    local src="$1" commit
    commit="$(git -C "$src" rev-parse HEAD)"
    if [ -n "$(git -C "$src" status --porcelain --untracked-files=no)" ]; then
        if [ "${EZR_NEWCOMER_WORKTREE:-0}" = 1 ]; then
            commit="$(git -C "$src" stash create)"
            echo "testing the working tree's tracked files (stash commit $commit)" >&2
        else
            echo "note: $src has uncommitted changes; testing HEAD $commit without them" >&2
        fi
    fi
    printf '%s\n' "$commit"
}

ezr_root_clone() {
    local root="$1" src="$2" commit
    commit="$(ezr_commit_under_test "$src")"
    git clone -q --no-checkout "$src" "$root/root/ezrunner"
    git -C "$root/root/ezrunner" fetch -q "$src" "$commit"
    git -C "$root/root/ezrunner" checkout -q --detach "$commit"
    echo "cloned $commit" >&2
}

ezr_root_cleanup() {
    local dir
    for dir in "${EZR_ROOTS_MADE[@]}"; do
        # Mounts live in ezr_root_run's private namespace; if one is still visible (a namespace
        # kept alive by a stray process), leave the folder rather than delete through a mount.
        if grep -qF " $dir/" /proc/self/mounts; then
            echo "${EZR_PHASE_NAME:-newcomer}: $dir still has mounts; not removed" >&2
            continue
        fi
        rm -rf --one-file-system "$dir"
    done
    EZR_ROOTS_MADE=()
}

ezr_root_run() {
    local root="$1"
    shift
    # Its own PID namespace too: pgrep/pkill in the root see only the root's processes (a
    # `pkill -x ezrunner` there once stopped every ezrunner the suite was running on the host),
    # and whatever the command leaves running ends with it.
    unshare --mount --propagation private --pid --fork --kill-child -- bash -euc '
        root="$1"; binds="$2"; shift 2
        mount -t proc proc "$root/proc"
        mount --rbind /dev "$root/dev"
        mount -t sysfs sysfs "$root/sys" 2>/dev/null || mount --rbind /sys "$root/sys"
        mount -t tmpfs tmpfs "$root/tmp"
        for bind in $binds; do
            mkdir -p "${bind%%:*}" "$root${bind#*:}"
            mount --bind "${bind%%:*}" "$root${bind#*:}"
        done
        exec chroot "$root" /usr/bin/env -i HOME=/root TERM=dumb LANG=C.UTF-8 \
            PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
            ${EZR_ROOT_ENV:-} "$@"
    ' ezr-root "$root" "${EZR_ROOT_BINDS:-}" "$@"
}
