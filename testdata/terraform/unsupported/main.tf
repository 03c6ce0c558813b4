# Functions and data sources vpncertlint does not evaluate: the values are not checked.
variable "no_default" {}

data "huaweicloud_vpn_servers" "all" {}

resource "huaweicloud_vpn_server" "main" {
  p2c_vgw_id    = "gw-1"
  client_cidr   = var.no_default
  local_subnets = [upper("10.10.0.0/16")]

  server_certificate {
    id = data.huaweicloud_vpn_servers.all.servers[0].server_certificate[0].id
  }
}

resource "huaweicloud_vpn_user" "u" {
  count         = length(var.no_default)
  vpn_server_id = huaweicloud_vpn_server.main.id
  name          = "someone"
  password      = "Someone-Pass-2026"
}
