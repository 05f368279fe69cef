# Everyday tasks. `make test` is what CI runs.
GO ?= go

.PHONY: test lint bench golden fuzz fixtures build

build:
	$(GO) build -o khuyenhoc ./cmd/khuyenhoc

test:
	$(GO) test ./...

lint:
	gofmt -l . | tee /dev/stderr | (! read)
	$(GO) vet ./...
	$(GO) mod tidy -diff

# Benchmarks of the readers and the roll-up (see BENCHMARKS.md).
bench:
	$(GO) test -run XXX -bench . -benchmem ./...

# Rewrite the sample returns in testdata/ and the golden files from the code that makes them.
golden:
	$(GO) test ./ingest -run TestSampleData -update
	$(GO) test ./report -run Golden -update

fuzz:
	$(GO) test ./ingest -run XXX -fuzz FuzzParseNumber -fuzztime 30s
	$(GO) test ./ingest -run XXX -fuzz FuzzRead -fuzztime 60s

# Returns saved by openpyxl and LibreOffice (needs python3-openpyxl and libreoffice-calc).
fixtures:
	testdata/fixtures/make-fixtures.sh
