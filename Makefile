# Everyday tasks. `make test` is what CI runs.
GO ?= go

.PHONY: test test-short lint bench golden fuzz fixtures build synthetic dist

build:
	$(GO) build -o khuyenhoc ./cmd/khuyenhoc

test:
	$(GO) test ./...

# The quick loop: no external program (LibreOffice, poppler, qpdf, Python) is run.
test-short:
	$(GO) test -short ./...

# Release archives for Windows, macOS and Linux (amd64, arm64) and checksums.txt in dist/, the
# same bytes on every run of one commit (.ci/dist; VERSION=1.2.0 overrides git describe).
dist:
	.ci/dist

lint:
	gofmt -l . | tee /dev/stderr | (! read)
	$(GO) vet ./...
	$(GO) run honnef.co/go/tools/cmd/staticcheck@latest ./...
	$(GO) mod tidy -diff

# A synthetic national data set: N commune returns and a roster under DIR (see BENCHMARKS.md);
# BRANCHES=B takes the roster down to the branch (chi hội) and MISSING=M lists M more communes,
# which send nothing: N=3000 MISSING=7000 BRANCHES=189219 make a roster of 200,000 units.
N ?= 10000
BRANCHES ?= 0
MISSING ?= 0
DIR ?= /tmp/khuyenhoc-$(N)
synthetic:
	$(GO) test ./ingest/ingesttest -run TestWriteSynthetic -synthetic.dir $(DIR) -synthetic.n $(N) -synthetic.branches $(BRANCHES) -synthetic.missing $(MISSING) -timeout 30m

# Benchmarks of reading, refusing hostile files and writing reports, on the data set in DIR
# (made by `make synthetic` first; without it the benchmarks make 1,000 returns themselves).
bench:
	KHUYENHOC_BENCH_DIR=$(DIR) $(GO) test -run XXX -bench . -benchmem -timeout 60m ./...

# Rewrite the sample returns in testdata/ and the golden files from the code that makes them.
golden:
	$(GO) test ./ingest -run TestSampleData -update
	$(GO) test ./report ./report/pdf ./report/excel ./report/html -run Golden -update

fuzz:
	$(GO) test ./ingest -run XXX -fuzz FuzzParseNumber -fuzztime 30s
	$(GO) test ./ingest/xlsx -run XXX -fuzz FuzzScanner -fuzztime 60s
	$(GO) test ./ingest/xlsx -run XXX -fuzz FuzzSheetXML -fuzztime 120s -fuzzminimizetime 5s
	$(GO) test ./ingest/xlsx -run XXX -fuzz FuzzInflate -fuzztime 60s
	$(GO) test ./ingest -run XXX -fuzz FuzzRead -fuzztime 60s
	$(GO) test ./report/pdf -run XXX -fuzz FuzzWrite -fuzztime 60s
	$(GO) test ./report/docx -run XXX -fuzz FuzzWriteReport -fuzztime 60s
	$(GO) test ./ingest/strictyaml -run XXX -fuzz FuzzFlatItems -fuzztime 60s
	$(GO) test ./ingest/rollup -run XXX -fuzz FuzzRosterFastPath -fuzztime 60s

# Returns saved by openpyxl, xlsxwriter and LibreOffice (needs python3-openpyxl,
# python3-xlsxwriter and libreoffice-calc).
fixtures:
	testdata/fixtures/make-fixtures.sh
	/usr/bin/python3 testdata/fixtures/values/make.py
