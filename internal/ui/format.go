package ui

import (
	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/summary"
)

// formatValue states an answer in the pack's words (summary.AnswerText).
func formatValue(p *checklist.Pack, q *checklist.Question, v checklist.Value) string {
	return summary.AnswerText(p, q, v, ", ")
}
