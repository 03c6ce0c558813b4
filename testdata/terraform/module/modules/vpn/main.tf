variable "client_cidr" {}
variable "ca_pem" {}
variable "users" {}

resource "huaweicloud_vpn_server" "main" {
  p2c_vgw_id       = "gw-1"
  client_cidr      = var.client_cidr
  local_subnets    = ["10.10.0.0/16", "172.16.8.0/24"]
  client_auth_type = "CERT"

  server_certificate {
    id = "scs1717051012106"
  }

  client_ca_certificates {
    name    = "ca-main"
    content = var.ca_pem
  }
}

resource "huaweicloud_vpn_client_ca_certificate" "old" {
  vpn_server_id = huaweicloud_vpn_server.main.id
  name          = "ca-old"
  content       = file("${path.module}/old-ca.pem")
}

resource "huaweicloud_vpn_user" "users" {
  for_each      = var.users
  vpn_server_id = huaweicloud_vpn_server.main.id
  name          = each.key
  password      = each.value
}
