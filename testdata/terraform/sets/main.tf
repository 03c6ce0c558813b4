# Upload sets: client CAs, users, user groups and access policies of one VPN server.
locals {
  cas = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10"]
}

resource "huaweicloud_vpn_server" "main" {
  p2c_vgw_id       = "gw-1"
  client_cidr      = "192.168.0.0/24"
  local_subnets    = ["10.10.0.0/16"]
  client_auth_type = "CERT"

  server_certificate {
    id = "scs1717051012106"
  }

  client_ca_certificates {
    name    = "ca-main"
    content = file("ca.pem")
  }
}

# the inline CA again (VPN.0077), then ten more: eleven CAs on the server (VPN.1111)
resource "huaweicloud_vpn_client_ca_certificate" "again" {
  vpn_server_id = huaweicloud_vpn_server.main.id
  name          = "ca-again"
  content       = file("ca.pem")
}

resource "huaweicloud_vpn_client_ca_certificate" "more" {
  for_each      = toset(local.cas)
  vpn_server_id = huaweicloud_vpn_server.main.id
  name          = "ca-${each.key}"
  content       = file("cas/ca${each.key}.pem")
}

# two CAs for a server outside the configuration, by the same literal ID: a duplicate
resource "huaweicloud_vpn_client_ca_certificate" "literal" {
  count         = 2
  vpn_server_id = "0d5d0a6e-7a4d-4a0c-9b53-6a3e5b1f2c3d"
  name          = "ca-literal-${count.index}"
  content       = file("cas/ca11.pem")
}

resource "huaweicloud_vpn_user" "twice" {
  count         = 2
  vpn_server_id = huaweicloud_vpn_server.main.id
  name          = "alice.w"
  password      = "Alice-Vpn-2026"
}

resource "huaweicloud_vpn_user_group" "same" {
  count         = 2
  vpn_server_id = huaweicloud_vpn_server.main.id
  name          = "ops"
}

resource "huaweicloud_vpn_user_group" "many" {
  count         = 49
  vpn_server_id = huaweicloud_vpn_server.main.id
  name          = "group-${count.index}"
}

resource "huaweicloud_vpn_access_policy" "many" {
  count         = 101
  vpn_server_id = huaweicloud_vpn_server.main.id
  name          = "policy-${count.index}"
  user_group_id = huaweicloud_vpn_user_group.same[0].id
  dest_ip_cidrs = ["10.10.${count.index}.0/24"]
}
