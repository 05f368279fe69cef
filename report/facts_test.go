package report

import (
	"testing"

	"github.com/khuyenhoc/khuyenhoc/ingest"
	"github.com/khuyenhoc/khuyenhoc/ingest/lang"
	"github.com/khuyenhoc/khuyenhoc/targets"
)

// A missed target is never written as reached: 24,996% against ≥ 25% is «24,99%», not «25,00%»
// (a secretary cannot sign «25%/25% chưa đạt»); a met one is written as rounded.
func TestActualTextOfAMissedTarget(t *testing.T) {
	cat := ingest.DefaultCatalogue()
	rate, count := cat.MustFigure("hoi_vien.ty_le"), cat.MustFigure("hoc_bong.suat")
	tests := []struct {
		fig    *ingest.Figure
		op     targets.Op
		target float64
		actual float64
		want   string
	}{
		{rate, targets.AtLeast, 0.25, 0.24996, "24,99%"},
		{rate, targets.AtLeast, 0.20, 0.1797, "17,97%"},
		{rate, targets.AtLeast, 0.37, 0.353556, "35,36%"}, // rounded as everywhere: far from the target
		{rate, targets.AtLeast, 0.25, 0.25004, "25,00%"},  // met
		{rate, targets.AtMost, 0.10, 0.10004, "10,01%"},
		{rate, targets.AtMost, 0.10, 0.09996, "10,00%"}, // met
		{count, targets.AtLeast, 600, 599, "599"},
	}
	for _, tt := range tests {
		tg := targets.Target{Figure: tt.fig, Op: tt.op, Value: tt.target}
		r := targets.Result{Target: tg, Actual: tt.actual, Available: true, Met: tg.Met(tt.actual)}
		if got := ActualText(lang.Vi, r); got != tt.want {
			t.Errorf("%s %v %v: ActualText = %q, want %q", tt.fig.Code, tt.actual, tt.target, got, tt.want)
		}
	}
}
