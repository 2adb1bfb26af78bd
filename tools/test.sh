#!/usr/bin/env bash
# Runs every test suite: the normal build, then the same suites under
# AddressSanitizer and UndefinedBehaviorSanitizer, then the style check.
# Installs what is missing first. The last line is "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

tools/install-deps.sh --tests || exit 1

passed=0 failed=0 skipped=0
count() {
    # Tally meson's JSON log of the build directory $1.
    local log="$1/meson-logs/testlog.json"
    [[ -f "$log" ]] || return
    read -r p f s < <(python3 - "$log" <<'PY'
import json, sys
p = f = s = 0
for line in open(sys.argv[1]):
    r = json.loads(line)["result"]
    if r in ("OK", "EXPECTEDFAIL"):
        p += 1
    elif r == "SKIP":
        s += 1
    else:
        f += 1
print(p, f, s)
PY
)
    passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
}

run_suites() {
    local dir=$1
    shift
    echo "== $dir"
    if ! tools/build.sh "$dir" "$@"; then
        echo "build of $dir failed"
        failed=$((failed + 1))
        return
    fi
    rm -f "$dir/meson-logs/testlog.json"
    meson test -C "$dir" --print-errorlogs --no-rebuild --num-processes 2 | grep -E '^ *[0-9]+/[0-9]+ ' || true
    count "$dir"
}

run_suites build
run_suites build-asan -Db_sanitize=address,undefined -Db_lundef=false

echo "== style"
if command -v clang-format >/dev/null; then
    if git ls-files '*.c' '*.h' | xargs clang-format --dry-run --Werror 2>/tmp/warta-format.log; then
        passed=$((passed + 1))
        echo "clang-format: ok"
    else
        failed=$((failed + 1))
        head -20 /tmp/warta-format.log
    fi
fi

if ((skipped > 0)); then
    echo "$passed passed, $failed failed, $skipped skipped"
else
    echo "$passed passed, $failed failed"
fi
((failed == 0))
