#!/usr/bin/env bash
# PDF export of a generated 2,000-card map: Jejak's own exporter (jejak-cli, release build) against
# headless Chromium printing an HTML rendering of the same map. Time, peak memory, file size.
# Usage: tests/bench/pdf-export-bench.sh OUT_DIR      (run by `make bench-pdf`)
set -euo pipefail
out=${1:-target/bench}
runs=${RUNS:-5}
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

declare -A secs rss size
for tool in jejak chromium; do
  : >"$out/$tool.times"; : >"$out/$tool.rss"
  for _ in $(seq "$runs"); do
    if [ "$tool" = jejak ]; then
      r=$(measure target/release/jejak-cli --library "$lib" export --map "$map" --paper a1 \
            --mode fit --no-personas --no-inventory -o "$out/jejak-2000.pdf")
      pdf="$out/jejak-2000.pdf"
    else
      r=$(measure chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
            --print-to-pdf="$out/chromium-2000.pdf" "file://$PWD/$out/board-2000.html")
      pdf="$out/chromium-2000.pdf"
    fi
    echo "$r" | cut -d' ' -f1 >>"$out/$tool.times"
    echo "$r" | cut -d' ' -f2 >>"$out/$tool.rss"
  done
  secs[$tool]=$(median <"$out/$tool.times")
  rss[$tool]=$(median <"$out/$tool.rss")
  size[$tool]=$(stat -c %s "$pdf")
done

pages_j=$(pdfinfo "$out/jejak-2000.pdf" | awk '/^Pages:/ {print $2}')
pages_c=$(pdfinfo "$out/chromium-2000.pdf" | awk '/^Pages:/ {print $2}')
cat >"$out/pdf-bench.json" <<JSON
{
  "cards": 2000, "runs": $runs, "date": "$(date -u +%FT%TZ)",
  "jejak":    {"median_s": ${secs[jejak]},    "peak_rss_kb": ${rss[jejak]},    "bytes": ${size[jejak]},    "pages": $pages_j},
  "chromium": {"median_s": ${secs[chromium]}, "peak_rss_kb": ${rss[chromium]}, "bytes": ${size[chromium]}, "pages": $pages_c,
               "version": "$(chromium --version 2>/dev/null | tr -d '\n')"}
}
JSON
cat "$out/pdf-bench.json"
