package cmd

// bodyFlags are check's flags for Create/Update VPN Server bodies (JSON or YAML); settings
// registers and validates them.
type bodyFlags struct {
	mode           string
	maxConnections int
	vpcRoutes      []string
	tfDir          string
}
