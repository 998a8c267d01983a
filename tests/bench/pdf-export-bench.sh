#!/usr/bin/env bash
# PDF export of a generated 2,000-card map: Jejak's own exporter (jejak-cli, release build) against
# headless Chromium printing an HTML rendering of the same map. Runs are paired (Jejak, then
# Chromium, RUNS times) so both see the same machine load. Time, peak memory, file size; the
# figures go to OUT_DIR/pdf-bench.json and, given DOC.md, between the pdf-bench markers in it.
# Usage: tests/bench/pdf-export-bench.sh OUT_DIR [DOC.md]      (run by `make bench-pdf`)
set -euo pipefail
out=${1:-target/bench}
doc=${2:-}
runs=${RUNS:-7}
mkdir -p "$out"
lib="$out/pdf-library-2000.jejak"
rm -f "$lib"*
cargo build -q --release -p jejak-cli --examples --bins
cargo run -q --release -p jejak-store --example generate_library -- "$lib" 2000 >/dev/null
map=$(target/release/jejak-cli --library "$lib" list | cut -f1 | head -1)
target/release/examples/board_html "$lib" "$map" "$out/board-2000.html"

# One measurement: wall seconds and peak RSS (KB) of the command, from GNU time.
measure() { /usr/bin/time -f "%e %M" -o "$out/time.txt" "$@" >/dev/null 2>&1; cat "$out/time.txt"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
jejak() {
  measure target/release/jejak-cli --library "$lib" export --map "$map" --paper a1 \
    --mode fit --no-personas --no-inventory -o "$out/jejak-2000.pdf"
}
chromium_pdf() {
  measure chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="$out/chromium-2000.pdf" "file://$PWD/$out/board-2000.html"
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
jejak >/dev/null; chromium_pdf >/dev/null # warm the page cache for both
: >"$out/pairs.txt"
for _ in $(seq "$runs"); do
  j=$(jejak); c=$(chromium_pdf)
  echo "$j $c" >>"$out/pairs.txt" # jejak_s jejak_kb chromium_s chromium_kb
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

j_s=$(cut -d' ' -f1 "$out/pairs.txt" | median)
j_kb=$(cut -d' ' -f2 "$out/pairs.txt" | median)
c_s=$(cut -d' ' -f3 "$out/pairs.txt" | median)
c_kb=$(cut -d' ' -f4 "$out/pairs.txt" | median)
# The worst pair: the smallest Chromium/Jejak time ratio of any one pair.
worst=$(awk '{r=$3/$1; if (NR==1 || r<m) m=r} END {printf "%.1f", m}' "$out/pairs.txt")
j_bytes=$(stat -c %s "$out/jejak-2000.pdf")
c_bytes=$(stat -c %s "$out/chromium-2000.pdf")
j_pages=$(pdfinfo "$out/jejak-2000.pdf" | awk '/^Pages:/ {print $2}')
c_pages=$(pdfinfo "$out/chromium-2000.pdf" | awk '/^Pages:/ {print $2}')
faster=$(awk -v a="$c_s" -v b="$j_s" 'BEGIN {printf "%.1f", a/b}')
smaller=$(awk -v a="$c_bytes" -v b="$j_bytes" 'BEGIN {printf "%.1f", a/b}')
chromium_version=$(chromium --version 2>/dev/null | tr -d '\n')
cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)

cat >"$out/pdf-bench.json" <<JSON
{
  "cards": 2000, "pairs": $runs, "date": "$(date -u +%FT%TZ)", "cpu": "$cpu",
  "load_before": "$load_before", "load_after": "$load_after",
  "jejak":    {"median_s": $j_s, "peak_rss_kb": $j_kb, "bytes": $j_bytes, "pages": $j_pages},
  "chromium": {"median_s": $c_s, "peak_rss_kb": $c_kb, "bytes": $c_bytes, "pages": $c_pages,
               "version": "$chromium_version"},
  "faster": $faster, "faster_worst_pair": $worst, "smaller": $smaller
}
JSON
cat "$out/pdf-bench.json"

if [ -n "$doc" ]; then
  section=$(cat <<MD
Results, $(date -u +%F) (release build; $cpu; load averages (1, 5, 15 min) $load_before before, $load_after after; $runs pairs; $chromium_version; \`docs/bench-pdf-2000.json\`):

| | time (median) | peak RSS | file size | pages |
|---|---|---|---|---|
| Jejak (\`jejak-cli\`, release) | **${j_s} s** | **$((j_kb / 1024)) MB** | **$((j_bytes / 1024)) KB** | $j_pages (the whole map on A1) |
| Chromium \`--print-to-pdf\` | ${c_s} s | $((c_kb / 1024)) MB (largest process) | $((c_bytes / 1024)) KB | $c_pages |

Jejak is **${faster}×** faster (the slowest pair: ${worst}×) and **${smaller}×** smaller.
MD
)
  SECTION="$section" python3 - "$doc" <<'PY'
import os, re, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
start, end = "<!-- pdf-bench:start -->", "<!-- pdf-bench:end -->"
if start not in text or end not in text:
    sys.exit(f"{path} has no {start} … {end} section")
new = f"{start}\n{os.environ['SECTION']}\n{end}"
text = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda _: new, text, flags=re.S)
open(path, "w", encoding="utf-8").write(text)
PY
  cp "$out/pdf-bench.json" docs/bench-pdf-2000.json
fi
