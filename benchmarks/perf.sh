#!/usr/bin/env bash
# Reproduces the performance figures in the README: end-to-end throughput on log text with every
# managed identifier, 1 against 2 threads on a many-file corpus, peak memory on a 2 GB single-line
# file under -Xmx256m, start-up on ten small files, and ripgrep on the same text for reference.
# Usage: benchmarks/perf.sh [WORKDIR]   (needs ~2.5 GB free in WORKDIR; takes a few minutes)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-$(mktemp -d)}"
jar="$root/cli/target/assay.jar"
[ -f "$jar" ] || (cd "$root" && ./mvnw -q -B -DskipTests -pl cli -am package)
mkdir -p "$work"

# 1. 64 MB of log lines with planted values, as one file and as 256 files.
python3 - "$work" <<'PY'
import os, random, sys
work = sys.argv[1]
random.seed(7)
words = "the of and to in is that for it as was with be by on not this are or from at which but have an they you were".split()
planted = ["employee ssn=512-23-4411", "paid by card 4556 7375 8689 9855", "IBAN DE89 3704 0044 0532 0130 00",
           "aws_secret_access_key=Tn4pW7qZ2xR9vB6mK1cL8dF3hJ5sG0aY2uE4iO6w", "order 4024007153361885 shipped"]
def line():
    s = "2024-06-%02dT12:%02d:00Z INFO request_id=%08x " % (random.randint(10, 29), random.randint(10, 59), random.getrandbits(32))
    s += " ".join(random.choice(words) for _ in range(random.randint(4, 13)))
    if random.randint(0, 39) == 0:
        s += " " + random.choice(planted)
    return s + " %d\n" % random.randint(0, 99999)
os.makedirs(os.path.join(work, "one"), exist_ok=True)
os.makedirs(os.path.join(work, "many"), exist_ok=True)
with open(os.path.join(work, "one", "app.log"), "w") as f:
    n = 0
    while n < 64_000_000:
        l = line(); f.write(l); n += len(l)
for i in range(256):
    with open(os.path.join(work, "many", "part-%03d.log" % i), "w") as f:
        n = 0
        while n < 250_000:
            l = line(); f.write(l); n += len(l)
PY

t() { /usr/bin/time -f "%e s wall, %M KB peak RSS" "$@"; }
echo "== one 64 MB log file, ALL managed identifiers, 1 thread"
t java -jar "$jar" scan "$work/one" --managed-data-identifier-selector ALL --threads 1 --format json --output "$work/one.json" --quiet || true
echo "== 256 files (64 MB), ALL managed identifiers, 1 thread then 2 threads"
t java -jar "$jar" scan "$work/many" --managed-data-identifier-selector ALL --threads 1 --format json --output "$work/many1.json" --quiet || true
t java -jar "$jar" scan "$work/many" --managed-data-identifier-selector ALL --threads 2 --format json --output "$work/many2.json" --quiet || true
echo "== the same with the Hyperscan prefilter (opt-in)"
t java -Dassay.hyperscan=true -jar "$jar" scan "$work/many" --managed-data-identifier-selector ALL --threads 2 --format json --output "$work/many3.json" --quiet || true

echo "== 2 GB file that is a single line, -Xmx256m"
mkdir -p "$work/big"
python3 - "$work/big/oneline.txt" <<'PY'
import sys
chunk = ("lorem ipsum dolor sit amet 12345 " * 30000 + "ssn 512-23-4411 ")
with open(sys.argv[1], "w") as f:
    n = 0
    while n < 2_000_000_000:
        f.write(chunk); n += len(chunk)
PY
t java -Xmx256m -jar "$jar" scan "$work/big" --threads 1 --format json --output "$work/big.json" --quiet || true
rm -f "$work/big/oneline.txt"

echo "== ten small files, start-up included (./assay, class-data sharing after the first run)"
mkdir -p "$work/ten"
for i in $(seq 1 10); do echo "note $i: employee SSN 512-23-44$((10 + i))" > "$work/ten/f$i.txt"; done
"$root/assay" scan "$work/ten" --quiet >/dev/null || true
for i in 1 2 3; do t "$root/assay" scan "$work/ten" --quiet >/dev/null || true; done

if command -v rg >/dev/null; then
  echo "== ripgrep with the card and SSN patterns over the 64 MB file, for reference"
  t rg -c -e '\b(?:\d{13,19}|\d{4}(?:[ -]\d{4}){2}[ -]\d{1,4}|\d{4}(?:[ -]\d{4}){3}[ -]\d{3}|\d{4}[ -]\d{6}[ -]\d{4,5})\b' \
    -e '\b(?:\d{3}-\d{2}-\d{4}|\d{3} \d{2} \d{4}|\d{9})\b' "$work/one/app.log" || true
fi
