package engine

import "testing"

func TestScanExtensionsIncludeContainers(t *testing.T) {
	for _, name := range []string{"a.p12", "b.PFX", "c.p7b", "d.p7c"} {
		if !hasScanExt(name) {
			t.Errorf("%s is not scanned in directories", name)
		}
	}
}
