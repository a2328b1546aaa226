#!/usr/bin/env bash
# Reproduces the performance figures in the README, end to end through the command line:
#   1. throughput with ALL managed identifiers (and with RECOMMENDED) on one 256 MB log file, with a
#      planted value on one line in 40, and on the same kind of log without them; the same with ALL
#      on 1 GB logs, where start-up and the JIT's warm-up weigh a quarter as much;
#   2. one thread against two on a many-file corpus (4,096 files, 1 GB, hard links to 256 files),
#      and on 4 and 16 times as many (4 GB and 16 GB), where the JIT's fixed cost weighs less;
#   3. peak memory on a 2 GB file that is one single line, under -Xmx256m;
#   4. start-up: ten small files through ./assay (class-data sharing after the first run);
#   5. ripgrep with the same 166 regexes over the same log, for reference;
#   6. realistic data (benchmarks' RealisticCorpus, 384 MB: logs, CSV, TSV, JSON Lines, JSON, Parquet,
#      Avro, prose), per format; CSV and JSON against the same bytes as plain text; the whole corpus
#      with one and two threads, ALL and RECOMMENDED; secretlint (if npm is on PATH) and ripgrep (if
#      rg is) over the same corpus, each as a ratio to Assay's time.
# Usage: benchmarks/perf.sh [WORKDIR]   (needs ~5.6 GB free in WORKDIR and python3; takes ~12 minutes
# plus section 6). PERF_ONLY=realistic benchmarks/perf.sh [WORKDIR] runs section 6 alone (~5 minutes).
# Run it on a quiet machine: every figure is a wall-clock run, JVM start-up included (the short
# ones the best of two). The JVM runs as ./assay runs it: the same flags and its class-data
# sharing archive; one run without the archive shows what it saves.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-$(mktemp -d)}"
jar="$root/cli/target/assay.jar"
[ -f "$jar" ] || (cd "$root" && ./mvnw -q -B -DskipTests -pl cli -am package)
mkdir -p "$work"
jsa="$root/cli/target/assay.jsa"
rm -f "$jsa" # recorded afresh, by a scan as a user's first one: the sample corpus
"$root/assay" scan "$root/corpus/samples" --managed-data-identifier-selector ALL --quiet >/dev/null || true
java=(java -XX:+UseParallelGC -Xmn128m -XX:FreqInlineSize=100 -XX:MaxInlineLevel=4 -XX:SharedArchiveFile="$jsa" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off) # as ./assay runs it
nocds=(java -XX:+UseParallelGC -Xmn128m -XX:FreqInlineSize=100 -XX:MaxInlineLevel=4)
sized=(java -XX:+UseParallelGC -XX:FreqInlineSize=100 -XX:MaxInlineLevel=4 -XX:SharedArchiveFile="$jsa" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off) # as ./assay runs it with -Xmx in ASSAY_JAVA_OPTS

if [ "${PERF_ONLY:-}" != realistic ]; then
python3 - "$work" <<'PY'
import os, random, sys
work = sys.argv[1]
words = "the of and to in is that for it as was with be by on not this are or from at which but have an they you were".split()
planted = ["employee ssn=512-23-4411", "paid by card 4556 7375 8689 9855", "IBAN DE89 3704 0044 0532 0130 00",
           "aws_secret_access_key=Tn4pW7qZ2xR9vB6mK1cL8dF3hJ5sG0aY2uE4iO6w", "order 4024007153361885 shipped"]
def line(plant):
    s = "2024-06-%02dT12:%02d:00Z INFO request_id=%08x " % (random.randint(10, 29), random.randint(10, 59), random.getrandbits(32))
    s += " ".join(random.choice(words) for _ in range(random.randint(4, 13)))
    if plant and random.randint(0, 39) == 0:
        s += " " + random.choice(planted)
    return s + " %d\n" % random.randint(0, 99999)
def write(path, size, plant):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        n = 0
        while n < size:
            l = line(plant); f.write(l); n += len(l)
random.seed(7)
for name, plant in (("planted", True), ("clean", False)):
    path = os.path.join(work, name, "app.log")
    write(path + ".part", 64_000_000, plant)
    with open(path, "w") as out:  # 256 MB
        for _ in range(4):
            with open(path + ".part") as part:
                out.write(part.read())
    os.remove(path + ".part")
for i in range(256):
    write(os.path.join(work, "parts", "part-%03d.log" % i), 250_000, True)
for name, copies in (("many", 16), ("many4", 64), ("many16", 256)):
    os.makedirs(os.path.join(work, name), exist_ok=True)
    for k in range(copies):
        for i in range(256):
            dst = os.path.join(work, name, "%0*d-part-%03d.log" % (len(str(copies - 1)), k, i))
            if not os.path.exists(dst):
                os.link(os.path.join(work, "parts", "part-%03d.log" % i), dst)
for name, source in (("long", "clean"), ("plong", "planted")):  # 1 GB: start-up amortised
    with open(os.path.join(work, source, "app.log")) as part:
        text = part.read()
    os.makedirs(os.path.join(work, name), exist_ok=True)
    with open(os.path.join(work, name, "app.log"), "w") as out:
        for _ in range(4):
            out.write(text)
PY
fi # PERF_ONLY

summary=()
# run LABEL BYTES COMMAND...: times COMMAND, prints wall time, MB/s over BYTES and peak RSS.
run() {
  local label="$1" bytes="$2"
  shift 2
  local start end rss
  start=$(date +%s.%N)
  /usr/bin/time -o "$work/.rss" -f "%M" "$@" >/dev/null 2>&1 || true
  rss=$(tail -n 1 "$work/.rss")
  end=$(date +%s.%N)
  local line
  line=$(python3 -c "import sys; w=$end-$start; b=$bytes; print('%-62s %7.2f s  %s  peak RSS %s MB' % (sys.argv[1], w, ('%6.1f MB/s' % (b / 1e6 / w)) if b else '          ', int(sys.argv[2]) // 1024 if sys.argv[2].isdigit() else '?'))" "$label" "$rss")
  echo "$line"
  summary+=("$line")
}
# best LABEL BYTES COMMAND...: the faster of two runs (short runs vary most here).
best() {
  local label="$1" bytes="$2"
  shift 2
  local keep=("${summary[@]}")
  run "$label" "$bytes" "$@" >/dev/null
  local first="${summary[-1]}"
  summary=("${keep[@]}")
  run "$label" "$bytes" "$@" >/dev/null
  local second="${summary[-1]}"
  summary=("${keep[@]}")
  local w1 w2
  w1=$(echo "$first" | awk '{for (i = 1; i <= NF; i++) if ($(i + 1) == "s") {print $i; exit}}')
  w2=$(echo "$second" | awk '{for (i = 1; i <= NF; i++) if ($(i + 1) == "s") {print $i; exit}}')
  local line="$first"
  if python3 -c "import sys; sys.exit(0 if float(sys.argv[2]) < float(sys.argv[1]) else 1)" "$w1" "$w2"; then
    line="$second"
  fi
  echo "$line"
  summary+=("$line")
}
size() { du -b --apparent-size "$1" | cut -f1; }

sel=(--managed-data-identifier-selector ALL)
if [ "${PERF_ONLY:-}" != realistic ]; then
planted=$(size "$work/planted/app.log"); clean=$(size "$work/clean/app.log")
many=$(find "$work/many" -name '*.log' -printf '%s\n' | awk '{s += $1} END {print s}') # hard links: du counts them once
many4=$(find "$work/many4" -name '*.log' -printf '%s\n' | awk '{s += $1} END {print s}')
many16=$(find "$work/many16" -name '*.log' -printf '%s\n' | awk '{s += $1} END {print s}')
long=$(size "$work/long/app.log"); plong=$(size "$work/plong/app.log")
echo "== 1. one log file, one thread"
best "ALL, 256 MB log, a planted value every 40 lines" "$planted" "${java[@]}" -jar "$jar" scan "$work/planted" "${sel[@]}" --threads 1 --format json --output "$work/planted.json" --quiet
best "ALL, 256 MB log without planted values" "$clean" "${java[@]}" -jar "$jar" scan "$work/clean" "${sel[@]}" --threads 1 --format json --output "$work/clean.json" --quiet
best "ALL, 256 MB log without planted values, no CDS archive" "$clean" "${nocds[@]}" -jar "$jar" scan "$work/clean" "${sel[@]}" --threads 1 --format json --output "$work/clean.json" --quiet
best "ALL, 1 GB log without planted values" "$long" "${java[@]}" -jar "$jar" scan "$work/long" "${sel[@]}" --threads 1 --format json --output "$work/long.json" --quiet
best "ALL, 1 GB log, a planted value every 40 lines" "$plong" "${java[@]}" -jar "$jar" scan "$work/plong" "${sel[@]}" --threads 1 --format json --output "$work/plong.json" --quiet
best "RECOMMENDED, 256 MB log with planted values" "$planted" "${java[@]}" -jar "$jar" scan "$work/planted" --threads 1 --format json --output "$work/planted-rec.json" --quiet
best "RECOMMENDED, 256 MB log without planted values" "$clean" "${java[@]}" -jar "$jar" scan "$work/clean" --threads 1 --format json --output "$work/clean-rec.json" --quiet

# Prose dense with names and addresses (every sentence has one or both, a few of them not ASCII):
# NAME and ADDRESS count without a keyword, so their patterns run wherever a capitalised pair is.
mkdir -p "$work/prose"
if [ ! -s "$work/prose/letters.txt" ]; then
python3 - "$work/prose/letters.txt" <<'PY'
import random, sys
random.seed(11)
first = "Maria James Ana Robert Linda Chen Fatima José Jürgen Amélie Olu Priya Tomás Sven Aiko".split()
last = "Gonzalez Smith Okafor Müller Dubois Nakamura Rossi Kowalski Brown Novak Haddad Singh".split()
streets = "Elm Street|Oak Avenue|Main Street|Rue de la Paix|Baker Street|Calle Mayor|Park Lane".split("|")
towns = "Springfield|Lyon|Leeds|Porto|Graz|Austin|Kraków".split("|")
words = "the of and to in is that for it as was with be by on not this are or from at which".split()
with open(sys.argv[1], "w") as f:
    n = 0
    while n < 64_000_000:
        filler = " ".join(random.choice(words) for _ in range(random.randint(3, 12)))
        who = random.choice(first) + " " + random.choice(last)
        where = "%d %s, %s" % (random.randint(1, 999), random.choice(streets), random.choice(towns))
        s = random.choice(["Please send it to %s at %s, %s.", "%s wrote %s from %s.", "Then %s moved, %s, to %s."])
        line = s % ((who, where, filler) if s.startswith("Please") else (who, filler, where)) + "\n"
        f.write(line); n += len(line.encode())
PY
fi
prose=$(size "$work/prose/letters.txt")
best "ALL, 64 MB of prose with names and addresses" "$prose" "${java[@]}" -jar "$jar" scan "$work/prose" "${sel[@]}" --threads 1 --format json --output "$work/prose.json" --quiet

echo "== 2. many files (a planted value every 40 lines), ALL, one thread then two"
run "4,096 files (1 GB), 1 thread" "$many" "${java[@]}" -jar "$jar" scan "$work/many" "${sel[@]}" --threads 1 --format jsonl --output "$work/many1.jsonl" --quiet
run "4,096 files (1 GB), 2 threads" "$many" "${java[@]}" -jar "$jar" scan "$work/many" "${sel[@]}" --threads 2 --format jsonl --output "$work/many2.jsonl" --quiet
run "16,384 files (4 GB), 1 thread" "$many4" "${java[@]}" -jar "$jar" scan "$work/many4" "${sel[@]}" --threads 1 --format jsonl --output "$work/many4-1.jsonl" --quiet
run "16,384 files (4 GB), 2 threads" "$many4" "${java[@]}" -jar "$jar" scan "$work/many4" "${sel[@]}" --threads 2 --format jsonl --output "$work/many4-2.jsonl" --quiet
run "65,536 files (16 GB), 1 thread" "$many16" "${java[@]}" -jar "$jar" scan "$work/many16" "${sel[@]}" --threads 1 --format jsonl --output "$work/many16-1.jsonl" --quiet
run "65,536 files (16 GB), 2 threads" "$many16" "${java[@]}" -jar "$jar" scan "$work/many16" "${sel[@]}" --threads 2 --format jsonl --output "$work/many16-2.jsonl" --quiet
rm -f "$work/many16-1.jsonl" "$work/many16-2.jsonl"

echo "== 3. a 2 GB file that is one single line, -Xmx256m"
mkdir -p "$work/big"
python3 - "$work/big/oneline.txt" <<'PY'
import sys
chunk = ("lorem ipsum dolor sit amet 12345 " * 30000 + "ssn 512-23-4411 ")
with open(sys.argv[1], "w") as f:
    n = 0
    while n < 2_000_000_000:
        f.write(chunk); n += len(chunk)
PY
big=$(size "$work/big/oneline.txt")
run "2 GB single line, RECOMMENDED, -Xmx256m" "$big" "${sized[@]}" -Xmx256m -jar "$jar" scan "$work/big" --threads 1 --format json --output "$work/big.json" --quiet
run "2 GB single line, ALL, -Xmx256m" "$big" "${sized[@]}" -Xmx256m -jar "$jar" scan "$work/big" --managed-data-identifier-selector ALL --threads 1 --format json --output "$work/big-all.json" --quiet
python3 -c "import json,sys; f=json.load(open(sys.argv[1]))['findings'][0]['classificationDetails']['result']; print('   status', f['status']['code'], 'SSNs', [d['count'] for s in f['sensitiveData'] for d in s['detections']])" "$work/big.json"
rm -f "$work/big/oneline.txt"

echo "== 4. ten small files, start-up included (./assay)"
mkdir -p "$work/ten"
for i in $(seq 1 10); do echo "note $i: employee SSN 512-23-44$((10 + i))" > "$work/ten/f$i.txt"; done
"$root/assay" scan "$work/ten" --quiet >/dev/null || true
for i in 1 2 3; do run "ten small files, ./assay, run $i" 0 "$root/assay" scan "$work/ten" --quiet; done

if command -v rg >/dev/null; then
  echo "== 5. ripgrep with the 166 managed regexes, same log (reference: no keywords, validators or locations)"
  java -jar "$jar" identifiers list --format json | python3 -c "import json,sys; [print(i['regex']) for i in json.load(sys.stdin)['items']]" > "$work/regexes.txt"
  java -jar "$jar" identifiers list --format json | python3 -c "import json,sys; [print(i['regex']) for i in json.load(sys.stdin)['items'] if i['recommended']]" > "$work/regexes-rec.txt"
  run "ripgrep, 166 regexes (ALL)" "$planted" rg -U -c -f "$work/regexes.txt" "$work/planted/app.log"
  run "ripgrep, RECOMMENDED regexes" "$planted" rg -U -c -f "$work/regexes-rec.txt" "$work/planted/app.log"
fi
fi # PERF_ONLY

# Realistic data: RealisticCorpus writes what a bucket export looks like (logs, CSV, TSV, JSON Lines,
# JSON, Parquet, Avro, prose; dense with numbers, keyword-named columns holding masked values, a
# planted SSN, card number or AWS key on about one line in 2,000), 48 MB a format, 384 MB in all.
echo "== 6. realistic data, per format (ALL, one thread), then the whole corpus, secretlint and ripgrep"
bjar="$root/benchmarks/target/benchmarks.jar"
if [ ! -f "$bjar" ] || [ "$root/benchmarks/src/main/java/dev/assay/benchmarks/RealisticCorpus.java" -nt "$bjar" ]; then
  (cd "$root" && ./mvnw -q -B -DskipTests -pl benchmarks -am package)
fi
real="$work/real"
if [ ! -s "$real/manifest.tsv" ]; then # written last: present only once the corpus is whole
  rm -rf "$real"
  java -cp "$bjar" dev.assay.benchmarks.RealisticCorpus "$real" --mb 384 --seed 1 >/dev/null
fi
# format_bytes FORMAT: the bytes of that format's files, from the manifest (path format bytes ...).
format_bytes() { awk -F'\t' -v f="$1" 'NR > 1 && $2 == f {s += $3} END {print s + 0}' "$real/manifest.tsv"; }
# secs: the wall time of the last line run or best recorded.
secs() { echo "${summary[-1]}" | awk '{for (i = 1; i <= NF; i++) if ($(i + 1) == "s") {print $i; exit}}'; }
# ratio LABEL NUMERATOR DENOMINATOR: prints and records NUMERATOR / DENOMINATOR.
ratio() {
  local line
  line=$(python3 -c "import sys; print('%-62s %7.2f' % (sys.argv[1], float(sys.argv[2]) / float(sys.argv[3])))" "$1" "$2" "$3")
  echo "$line"
  summary+=("$line")
}
declare -A real_secs
for fmt in logs csv tsv jsonl json parquet avro prose; do
  bytes=$(format_bytes "$fmt")
  best "ALL, realistic $fmt, $((bytes / 1000000)) MB, 1 thread" "$bytes" "${java[@]}" -jar "$jar" scan "$real/$fmt" "${sel[@]}" --threads 1 --format json --output "$work/real-$fmt.json" --quiet
  real_secs[$fmt]=$(secs)
done
# The same bytes as plain text: what reading CSV by cell and JSON by value costs over a text scan.
for fmt in csv json; do
  text="$work/real-as-text/$fmt-as-txt"
  rm -rf "$text"
  mkdir -p "$text"
  for f in "$real/$fmt"/*."$fmt"; do
    cp "$f" "$text/$(basename "$f" ".$fmt").txt"
  done
  bytes=$(format_bytes "$fmt")
  best "ALL, the same $fmt as .txt, 1 thread" "$bytes" "${java[@]}" -jar "$jar" scan "$text" "${sel[@]}" --threads 1 --format json --output "$work/real-$fmt-as-txt.json" --quiet
  ratio "$fmt read as $fmt / as plain text, time" "${real_secs[$fmt]}" "$(secs)"
done
realbytes=$(find "$real" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
realfiles=$(find "$real" -type f | wc -l)
run "ALL, whole realistic corpus ($((realbytes / 1000000)) MB, $realfiles files), 1 thread" "$realbytes" "${java[@]}" -jar "$jar" scan "$real" "${sel[@]}" --threads 1 --format json --output "$work/real-all-1.json" --quiet
all1=$(secs)
run "ALL, whole realistic corpus, 2 threads" "$realbytes" "${java[@]}" -jar "$jar" scan "$real" "${sel[@]}" --threads 2 --format json --output "$work/real-all-2.json" --quiet
all2=$(secs)
run "RECOMMENDED, whole realistic corpus, 2 threads" "$realbytes" "${java[@]}" -jar "$jar" scan "$real" --threads 2 --format json --output "$work/real-rec-2.json" --quiet
rec2=$(secs)
ratio "ALL, realistic corpus: 1 thread / 2 threads, time (speed-up)" "$all1" "$all2"
ratio "realistic corpus, 2 threads: ALL / RECOMMENDED, time" "$all2" "$rec2"
if command -v npm >/dev/null; then
  # secretlint, the recommended preset: pinned (node 20 warns that 13.x wants node 22, and runs it).
  sl="$work/secretlint"
  if [ ! -x "$sl/node_modules/.bin/secretlint" ]; then
    npm install --prefix "$sl" --no-audit --no-fund --loglevel=error \
      secretlint@13.0.6 @secretlint/secretlint-rule-preset-recommend@13.1.0 >/dev/null || true
  fi
  if [ -x "$sl/node_modules/.bin/secretlint" ]; then
    echo '{"rules":[{"id":"@secretlint/secretlint-rule-preset-recommend"}]}' > "$sl/.secretlintrc.json"
    secretlint=("$sl/node_modules/.bin/secretlint" --secretlintrc "$sl/.secretlintrc.json" --no-gitignore --no-color --format json)
    # It must report a planted key (it exits 1 on findings): else its time would mean nothing.
    mkdir -p "$sl/check"
    echo "deploy: aws_secret_access_key=Tn4pW7qZ2xR9vB6mK1cL8dF3hJ5sG0aY2uE4iO6w" > "$sl/check/planted.txt"
    if ! "${secretlint[@]}" "$sl/check/planted.txt" > "$sl/check.json" 2>&1 && grep -q AWSSecretAccessKey "$sl/check.json"; then
      run "secretlint $("$sl/node_modules/.bin/secretlint" --version), recommended preset, whole corpus" "$realbytes" "${secretlint[@]}" --output "$work/real-secretlint.json" "$real/**/*"
      ratio "secretlint / Assay ALL 2 threads, time (target >= 5)" "$(secs)" "$all2"
      python3 -c "import json,sys; r=json.load(open(sys.argv[1])); print('   secretlint read %d files, found %d AWS secret keys; %s were planted' % (len(r), sum(m['messageId'] == 'AWSSecretAccessKey' for f in r for m in f['messages']), sys.argv[2]))" \
        "$work/real-secretlint.json" "$(awk -F'\t' 'NR > 1 {s += $6} END {print s + 0}' "$real/manifest.tsv")" || true
    else
      echo "   secretlint did not report the planted key in $sl/check/planted.txt: not timed"
    fi
  else
    echo "   secretlint could not be installed: not timed"
  fi
fi
if command -v rg >/dev/null; then
  # Twenty identifier-like regexes, no keywords or validators: a lower bound for a regex scan.
  cat > "$work/real-regexes.txt" <<'RE'
\b\d{3}-\d{2}-\d{4}\b
\b4\d{3}[ -]?\d{4}[ -]?\d{4}[ -]?\d{4}\b
\b5[1-5]\d{2}[ -]?\d{4}[ -]?\d{4}[ -]?\d{4}\b
\b3[47]\d{2}[ -]?\d{6}[ -]?\d{5}\b
\b6(?:011|5\d{2})[ -]?\d{4}[ -]?\d{4}[ -]?\d{4}\b
\b(?:AKIA|ASIA)[A-Z0-9]{16}\b
(?i)aws_secret_access_key["']?\s*[=:]\s*["']?[A-Za-z0-9/+=]{40}
\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?\b
\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b
(?:\+1[ .-]?)?(?:\(\d{3}\) ?|\b\d{3}[ .-])\d{3}[ .-]\d{4}\b
\+44 ?\d{2,4} ?\d{3,4} ?\d{3,4}\b
\b[A-Z]\d{8}\b
\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b
\b9\d{2}-(?:5\d|6[0-5]|7\d|8[0-8]|9[0-2]|9[4-9])-\d{4}\b
\b(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b
\b\d{5}-\d{4}\b
\b\d{3}[ -]\d{3}[ -]\d{3}\b
\b[A-Z9]{5}\d{6}[A-Z9]{2}\d[A-Z]{2}\b
\b(?:0\d|1[0-2]|2[1-9]|3[0-2]|6[1-9]|7[0-2]|80)\d{7}\b
-----BEGIN (?:RSA |EC |OPENSSH |DSA )?PRIVATE KEY-----
RE
  run "ripgrep $(rg --version | awk 'NR == 1 {print $2}'), 20 regexes, whole corpus, 2 threads" "$realbytes" rg -j 2 -c -f "$work/real-regexes.txt" "$real"
  ratio "Assay ALL 2 threads / ripgrep, time (target <= 3)" "$all2" "$(secs)"
fi

echo
echo "== summary"
printf '%s\n' "${summary[@]}"
