# Everyday tasks. `make test` is what CI runs.
GO ?= go

.PHONY: test lint bench golden fuzz fixtures build synthetic

build:
	$(GO) build -o khuyenhoc ./cmd/khuyenhoc

test:
	$(GO) test ./...

lint:
	gofmt -l . | tee /dev/stderr | (! read)
	$(GO) vet ./...
	$(GO) run honnef.co/go/tools/cmd/staticcheck@latest ./...
	$(GO) mod tidy -diff

# A synthetic national data set: N commune returns and a roster under DIR (see BENCHMARKS.md).
N ?= 10000
DIR ?= /tmp/khuyenhoc-$(N)
synthetic:
	$(GO) test ./ingest/ingesttest -run TestWriteSynthetic -synthetic.dir $(DIR) -synthetic.n $(N) -timeout 30m

# Benchmarks of reading, refusing hostile files and writing reports, on the data set in DIR
# (made by `make synthetic` first; without it the benchmarks make 1,000 returns themselves).
bench:
	KHUYENHOC_BENCH_DIR=$(DIR) $(GO) test -run XXX -bench . -benchmem -timeout 60m ./...

# Rewrite the sample returns in testdata/ and the golden files from the code that makes them.
golden:
	$(GO) test ./ingest -run TestSampleData -update
	$(GO) test ./report/... -run Golden -update

fuzz:
	$(GO) test ./ingest -run XXX -fuzz FuzzParseNumber -fuzztime 30s
	$(GO) test ./ingest/xlsx -run XXX -fuzz FuzzScanner -fuzztime 60s
	$(GO) test ./ingest/xlsx -run XXX -fuzz FuzzSheetXML -fuzztime 120s -fuzzminimizetime 5s
	$(GO) test ./ingest -run XXX -fuzz FuzzRead -fuzztime 60s
	$(GO) test ./report/pdf -run XXX -fuzz FuzzWrite -fuzztime 60s
	$(GO) test ./report/docx -run XXX -fuzz FuzzWriteReport -fuzztime 60s

# Returns saved by openpyxl, xlsxwriter and LibreOffice (needs python3-openpyxl,
# python3-xlsxwriter and libreoffice-calc).
fixtures:
	testdata/fixtures/make-fixtures.sh
	/usr/bin/python3 testdata/fixtures/values/make.py
