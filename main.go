// Command vpncertlint checks certificates and CRLs before they are uploaded to Huawei Cloud's
// point-to-site VPN.
package main

import "github.com/vpncertlint/vpncertlint/cmd"

func main() { cmd.Main() }
