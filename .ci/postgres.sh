#!/usr/bin/env bash
# A throwaway PostgreSQL server for the test suite (Debian's postgresql package; no docker).
#
# Sourced, it defines two functions:
#     source .ci/postgres.sh
#     start                 # initdb in a temp dir, listen on 127.0.0.1:<free port>, export DATABASE_URL
#     trap stop EXIT        # stop the server and delete its directory
#     make test             # the web tests now run against PostgreSQL
# Executed, it wraps one command:
#     .ci/postgres.sh run .venv/bin/python -m pytest src/gongkai/web -q
#
# The cluster trusts local connections from 127.0.0.1 only and lives in /tmp; nothing of the
# machine's own PostgreSQL setup (pg_lsclusters, /etc/postgresql, port 5432) is touched.

_pg_bindir() {
    local dir
    if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
        pg_config --bindir
        return
    fi
    # Debian keeps the server binaries out of PATH, one directory per major version.
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ -z "$dir" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "postgres.sh: 未安装 PostgreSQL，正在安装 Debian 的 postgresql 软件包" >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2 || return 1
        dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    fi
    [ -n "$dir" ] || { echo "postgres.sh: 找不到 initdb；请安装 postgresql 软件包" >&2; return 1; }
    echo "$dir"
}

# initdb and postgres refuse to run as root: as root, run them as the postgres system user.
_as_pg() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

_free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start() {
    local bindir port dir
    bindir=$(_pg_bindir) || return 1
    dir=$(mktemp -d /tmp/gongkai-pg.XXXXXX)
    [ "$(id -u)" = 0 ] && chown postgres: "$dir"
    _as_pg "$bindir/initdb" -D "$dir/data" -U gongkai --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; return 1; }
    port=$(_free_port)
    # fsync off: the cluster is thrown away, and tests create and drop databases many times.
    _as_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off -c max_connections=200" start \
        >/dev/null || { cat "$dir/server.log" >&2; return 1; }
    _as_pg "$bindir/createdb" -h 127.0.0.1 -p "$port" -U gongkai gongkai || return 1
    export GONGKAI_PG_DIR="$dir" GONGKAI_PG_BINDIR="$bindir"
    export DATABASE_URL="postgres://gongkai@127.0.0.1:$port/gongkai"
    echo "postgres.sh: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') 已在 127.0.0.1:$port 启动（$dir）" >&2
}

stop() {
    [ -n "${GONGKAI_PG_DIR:-}" ] || return 0
    _as_pg "$GONGKAI_PG_BINDIR/pg_ctl" -D "$GONGKAI_PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$GONGKAI_PG_DIR"
    unset GONGKAI_PG_DIR GONGKAI_PG_BINDIR DATABASE_URL
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    set -euo pipefail
    case "${1:-}" in
        run)
            shift
            start
            trap stop EXIT
            "$@"
            ;;
        *)
            echo "用法：source .ci/postgres.sh 后调用 start / stop，或 .ci/postgres.sh run 命令 [参数…]" >&2
            exit 2
            ;;
    esac
fi
