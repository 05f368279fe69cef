package report

// CommonWords are the words every part of the report uses (wording.yaml, common): the report's
// own code, and the writers that lay out tables of their own (the workbook).
type CommonWords struct {
	Page         Words `yaml:"page"`
	Number       Words `yaml:"number"`
	Country      Words `yaml:"country"`
	Motto        Words `yaml:"motto"`
	Parent       Words `yaml:"parent"`
	AllUnits     Words `yaml:"all_units"`
	Periods      Words `yaml:"periods"`
	Met          Words `yaml:"met"`
	Missed       Words `yaml:"missed"`
	NoData       Words `yaml:"no_data"`
	Units        Words `yaml:"units"`
	More         Words `yaml:"more"`     // {count} {word}
	Coverage     Words `yaml:"coverage"` // {reported} {expected}
	ByUnit       Words `yaml:"by_unit"`  // {figure}
	Target       Words `yaml:"target"`
	Continued    Words `yaml:"continued"`
	Table        Words `yaml:"table"`
	PlaceDate    Words `yaml:"place_date"`    // {place} {day} {month} {year}
	PlaceUndated Words `yaml:"place_undated"` // {place}
	Completeness Words `yaml:"completeness"`  // {covered} {units} {level} {received} {missing} {late}
	Between      Words `yaml:"between"`       // {complete} {count}
	MissingList  Words `yaml:"missing_list"`  // {units}
	LateList     Words `yaml:"late_list"`     // {units}
	Columns      struct {
		Unit       Words `yaml:"unit"`
		Model      Words `yaml:"model"`
		Total      Words `yaml:"total"`
		Registered Words `yaml:"registered"`
		Recognised Words `yaml:"recognised"`
		Rate       Words `yaml:"rate"`
		Figure     Words `yaml:"figure"`
		Actual     Words `yaml:"actual"`
		Target     Words `yaml:"target"`
		Result     Words `yaml:"result"`
		Rank       Words `yaml:"rank"`
	} `yaml:"columns"`
}

// WorkbookWords are the words of the report workbook (wording.yaml, workbook); the headers it
// shares with the report's tables are CommonWords'.
type WorkbookWords struct {
	Sheets struct {
		Summary     Words `yaml:"summary"`
		Units       Words `yaml:"units"`
		AllUnits    Words `yaml:"all_units"`
		Models      Words `yaml:"models"`
		Targets     Words `yaml:"targets"`
		Ranking     Words `yaml:"ranking"`
		Chart       Words `yaml:"chart"`
		Submissions Words `yaml:"submissions"`
		Problems    Words `yaml:"problems"`
	} `yaml:"sheets"`
	Summary struct {
		Scope    Words `yaml:"scope"`
		Period   Words `yaml:"period"`
		Received Words `yaml:"received"`
		Targets  Words `yaml:"targets"`
	} `yaml:"summary"`
	Columns struct {
		Code              Words `yaml:"code"`
		Measure           Words `yaml:"measure"`
		ThisPeriod        Words `yaml:"this_period"`
		Previous          Words `yaml:"previous"`
		PreviousEstimated Words `yaml:"previous_estimated"`
		Change            Words `yaml:"change"`
		Reporting         Words `yaml:"reporting"`
		Expected          Words `yaml:"expected"`
		Over              Words `yaml:"over"`
		Compared          Words `yaml:"compared"`
		Level             Words `yaml:"level"`
		Parent            Words `yaml:"parent"`
		Status            Words `yaml:"status"`
		FigureCode        Words `yaml:"figure_code"`
		Gap               Words `yaml:"gap"`
		File              Words `yaml:"file"`
		ReportDate        Words `yaml:"report_date"`
		Problems          Words `yaml:"problems"`
		Sheet             Words `yaml:"sheet"`
		Cell              Words `yaml:"cell"`
		Severity          Words `yaml:"severity"`
		ProblemCode       Words `yaml:"problem_code"`
		Message           Words `yaml:"message"`
	} `yaml:"columns"`
	Over   Words `yaml:"over"` // {coverage}
	Total  Words `yaml:"total"`
	Status struct {
		Late       Words `yaml:"late"`
		Received   Words `yaml:"received"`
		FromBelow  Words `yaml:"from_below"`
		Missing    Words `yaml:"missing"`
		MissingAll Words `yaml:"missing_all"` // {count} {level}
		Blank      Words `yaml:"blank"`
	} `yaml:"status"`
	NoTargets  Words `yaml:"no_targets"`
	NoProblems Words `yaml:"no_problems"`
}

// Common are the words every part of the report uses.
func (f *Facts) Common() *CommonWords { return &f.words.Common }

// Workbook are the words of the report workbook.
func (f *Facts) Workbook() *WorkbookWords { return &f.words.Workbook }
