# Docker, or Podman where there is no Docker (RHEL-family, Kylin, openEuler servers; podman load
# reads what docker save writes). EZRUNNER_ENGINE=docker|podman chooses.
ENGINE=${EZRUNNER_ENGINE:-}
case $ENGINE in
    docker|podman) command -v "$ENGINE" >/dev/null 2>&1 ||
        die "EZRUNNER_ENGINE is $ENGINE, but $ENGINE is not installed (or not on PATH)." ;;
    '') if command -v docker >/dev/null 2>&1 && ! docker --version 2>/dev/null | grep -qi podman; then
            ENGINE=docker
        elif command -v podman >/dev/null 2>&1; then
            ENGINE=podman # also where docker is Podman's docker command (podman-docker)
        elif command -v docker >/dev/null 2>&1; then
            ENGINE=docker
        else
            die "neither docker nor podman is installed (or on PATH): install Docker (or Podman) first."
        fi ;;
    *) printf '%s: EZRUNNER_ENGINE must be docker or podman, not %s\n' "${0##*/}" "$ENGINE" >&2; exit 2 ;;
esac
ENGINE_NAME=Docker
[ "$ENGINE" = docker ] || ENGINE_NAME=Podman
