package html

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/vpncertlint/vpncertlint/internal/inventory"
)

// Geometry of the timeline, in CSS pixels: the SVG is drawn at this size (wider pages
// scroll sideways), each row the same height whatever the number of rows; the body
// scrolls under the sticky axis (see the page's CSS).
const (
	svgWidth    = 1120
	labelWidth  = 390 // the rows' labels, left of the plot
	plotLeft    = labelWidth + 10
	plotRight   = svgWidth - 24
	rowHeight   = 16
	barHeight   = 10
	groupHeight = 24
	axisHeight  = 34
	labelRunes  = 58 // a label longer than this is cut with …
	maxSpan     = 15 // years the axis reaches each side of now at most
)

// noSet names the group of the rows in no upload set.
const noSet = "(no upload set)"

// timeline is the SVG's content, computed in Go; the template only prints it.
type timeline struct {
	Width, Height        int
	AxisHeight           int
	RowHeight, BarHeight int
	ClipX, NoDatesX      int
	Ticks                []tick
	NowX                 string
	NowLabel             string
	Groups               []group
	Empty                bool
}

type tick struct {
	X, Label string
	LabelX   string
}

type group struct {
	Name string
	Y    int // the header's baseline
	Rows []bar
}

type bar struct {
	Y, TextY, BarY      int
	X, W                string
	HasBar              bool
	ClipLeft, ClipRight bool // the bar goes on beyond the axis
	Class               string
	Label               string
	Title               string
}

// scale maps times to x on the plot.
type scale struct {
	lo, hi int64 // Unix seconds
}

func (s scale) x(t time.Time) float64 {
	u := t.Unix()
	if u < s.lo {
		u = s.lo
	}
	if u > s.hi {
		u = s.hi
	}
	return plotLeft + float64(u-s.lo)/float64(s.hi-s.lo)*float64(plotRight-plotLeft)
}

func px(f float64) string { return fmt.Sprintf("%.1f", f) }

// domain is the axis's span: the rows' dates and now, at most maxSpan years each side of
// now (a notAfter in 9999 must not squash every other bar), at least a month wide.
func domain(rows []inventory.Row, now time.Time) scale {
	lo, hi := now, now
	for _, r := range rows {
		if r.NotBefore != nil && r.NotBefore.Before(lo) {
			lo = *r.NotBefore
		}
		if r.NotAfter != nil && r.NotAfter.After(hi) {
			hi = *r.NotAfter
		}
	}
	if earliest := now.AddDate(-maxSpan, 0, 0); lo.Before(earliest) {
		lo = earliest
	}
	if latest := now.AddDate(maxSpan, 0, 0); hi.After(latest) {
		hi = latest
	}
	if hi.Sub(lo) < 30*24*time.Hour {
		lo, hi = lo.AddDate(0, 0, -15), hi.AddDate(0, 0, 15)
	}
	// A margin of 2% each side keeps the ends of the bars off the edges.
	m := (hi.Unix() - lo.Unix()) / 50
	return scale{lo: lo.Unix() - m, hi: hi.Unix() + m}
}

// ticks are January 1sts (every step years) over a span of more than three years, else
// month starts (every step months), at most about a dozen.
func ticks(s scale) []tick {
	lo, hi := time.Unix(s.lo, 0).UTC(), time.Unix(s.hi, 0).UTC()
	var out []tick
	years := hi.Year() - lo.Year()
	if years > 3 {
		step := (years + 11) / 12
		for y := lo.Year() + 1; y <= hi.Year(); y++ {
			if y%step != 0 {
				continue
			}
			out = append(out, newTick(s, time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), fmt.Sprint(y)))
		}
		return out
	}
	months := years*12 + int(hi.Month()) - int(lo.Month())
	step := max((months+11)/12, 1)
	t := time.Date(lo.Year(), lo.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, 1, 0)
	for i := 0; !t.After(hi); i, t = i+1, t.AddDate(0, 1, 0) {
		if (int(t.Month())-1)%step != 0 {
			continue
		}
		out = append(out, newTick(s, t, t.Format("2006-01")))
	}
	return out
}

// newTick is a grid line at t with its label right of it, or none when the label would
// run off the right edge.
func newTick(s scale, t time.Time, label string) tick {
	x := s.x(t)
	tk := tick{X: px(x), LabelX: px(x + 3), Label: label}
	if x+3+float64(7*len(label)) > svgWidth {
		tk.Label = ""
	}
	return tk
}

// buildTimeline lays the rows out, grouped by upload set (sorted by name, the rows in no
// set last; a row in two sets is in both groups), each group in the rows' order.
func buildTimeline(rows []inventory.Row, now time.Time, w *words) timeline {
	tl := timeline{Width: svgWidth, AxisHeight: axisHeight, Empty: len(rows) == 0,
		RowHeight: rowHeight, BarHeight: barHeight, ClipX: plotRight + 3, NoDatesX: plotLeft}
	s := domain(rows, now)
	tl.Ticks = ticks(s)
	tl.NowX = px(math.Round(s.x(now))) // on a pixel boundary: the 2-pixel line is drawn solid
	tl.NowLabel = w.Now + now.UTC().Format("2006-01-02")
	bySet := map[string][]int{}
	var names []string
	for i, r := range rows {
		sets := r.Sets
		if len(sets) == 0 {
			sets = []string{noSet}
		}
		for _, name := range sets {
			if _, ok := bySet[name]; !ok {
				names = append(names, name)
			}
			bySet[name] = append(bySet[name], i)
		}
	}
	sort.Slice(names, func(i, j int) bool {
		if (names[i] == noSet) != (names[j] == noSet) {
			return names[j] == noSet
		}
		return names[i] < names[j]
	})
	y := 0
	for _, name := range names {
		g := group{Name: fmt.Sprintf("%s (%d)", name, len(bySet[name]))}
		if name != noSet {
			g.Name = w.UploadSet + g.Name
		}
		y += groupHeight
		g.Y = y - 7
		for _, i := range bySet[name] {
			g.Rows = append(g.Rows, layRow(&rows[i], s, y))
			y += rowHeight
		}
		tl.Groups = append(tl.Groups, g)
	}
	tl.Height = y + 6
	return tl
}

func layRow(r *inventory.Row, s scale, y int) bar {
	b := bar{Y: y, TextY: y + rowHeight - 4, BarY: y + (rowHeight-barHeight)/2, Class: r.Status}
	who := r.Subject
	if r.Kind == inventory.KindCRL {
		who = "CRL of " + r.Issuer
	}
	b.Label = cut(fmt.Sprintf("%s:%d %s", r.File, r.Line, who), labelRunes)
	if r.NotBefore != nil && r.NotAfter != nil {
		x0, x1 := s.x(*r.NotBefore), s.x(*r.NotAfter)
		if x1-x0 < 2 {
			x1 = x0 + 2 // a very short validity is still seen
		}
		b.HasBar, b.X, b.W = true, px(x0), px(x1-x0)
		b.ClipLeft = r.NotBefore.Unix() < s.lo
		b.ClipRight = r.NotAfter.Unix() > s.hi
	}
	b.Title = rowTitle(r)
	return b
}

// rowTitle is a row's hover text.
func rowTitle(r *inventory.Row) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "%s:%d (%s", r.File, r.Line, r.Role)
	if len(r.Sets) > 0 {
		fmt.Fprintf(&sb, ", upload set %s", strings.Join(r.Sets, ", "))
	}
	sb.WriteString(")\n")
	if r.Subject != "" {
		fmt.Fprintf(&sb, "subject: %s\n", r.Subject)
	}
	fmt.Fprintf(&sb, "issuer: %s\n", r.Issuer)
	from, to := "notBefore", "notAfter"
	if r.Kind == inventory.KindCRL {
		from, to = "thisUpdate", "nextUpdate"
	}
	fmt.Fprintf(&sb, "%s: %s\n%s: %s\n", from, orNone(inventory.Date(r.NotBefore)), to, orNone(inventory.Date(r.NotAfter)))
	if r.DaysLeft != nil {
		fmt.Fprintf(&sb, "days left: %d (%s)\n", *r.DaysLeft, r.Status)
	} else {
		fmt.Fprintf(&sb, "status: %s\n", r.Status)
	}
	if r.Key != "" {
		fmt.Fprintf(&sb, "key: %s\n", r.Key)
	}
	fmt.Fprintf(&sb, "signature: %s\nSHA-256: %s", r.SignatureAlgorithm, r.SHA256)
	if r.WorstCode != "" {
		fmt.Fprintf(&sb, "\nworst finding: %s (%s)", r.WorstCode, r.WorstSeverity)
	}
	return sb.String()
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// cut shortens s to n runes, the last one an ellipsis.
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
