# Values known only after apply are not checked (a notice names them); a sensitive value is never printed.
variable "robot_name" {
  default   = "r0b!"
  sensitive = true
}

resource "huaweicloud_vpn_server" "main" {
  p2c_vgw_id    = "gw-1"
  client_cidr   = "192.168.0.0/24"
  local_subnets = ["10.10.0.0/16"]

  server_certificate {
    id = "scs1717051012106"
  }
}

resource "huaweicloud_vpn_user_group" "g" {
  vpn_server_id = huaweicloud_vpn_server.main.id
  name          = "robots"
}

resource "huaweicloud_vpn_user" "robot" {
  vpn_server_id = huaweicloud_vpn_server.main.id
  name          = var.robot_name
  password      = "Robot-Pass-2026"
}

resource "huaweicloud_vpn_user" "derived" {
  vpn_server_id = huaweicloud_vpn_server.main.id
  name          = "u-${huaweicloud_vpn_user_group.g.id}"
  password      = "Derived-Pass-2026"
}

resource "huaweicloud_vpn_access_policy" "p" {
  vpn_server_id = huaweicloud_vpn_server.main.id
  name          = huaweicloud_vpn_user_group.g.name
  user_group_id = huaweicloud_vpn_user_group.g.id
  dest_ip_cidrs = ["10.10.0.0/16", huaweicloud_vpn_server.main.id]
}
