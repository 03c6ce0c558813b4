// Package suggest finds the name a mistyped one was meant to be ("did you mean"): the body
// checks' unknown fields, the project configuration's unknown keys.
package suggest

import "strings"

// MaxDistance is the largest edit distance at which a name is suggested.
const MaxDistance = 3

// Closest is the name of names nearest to name (compared in lower case) within
// MaxDistance edits, the first of equals; "" when none is that near.
func Closest(name string, names []string) string {
	best, bestD := "", MaxDistance+1
	for _, n := range names {
		if d := Distance(strings.ToLower(name), strings.ToLower(n)); d < bestD {
			best, bestD = n, d
		}
	}
	return best
}

// Distance is the Levenshtein distance of a and b, in bytes.
func Distance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
