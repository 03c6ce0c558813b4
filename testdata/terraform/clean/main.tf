# A clean point-to-site VPN: every resource vpncertlint checks.
variable "client_cidr" {
  default = "172.16.0.0/24"
}

variable "admin_password" {
  type      = string
  sensitive = true
}

locals {
  subnets = ["10.10.1.0/24", "10.10.2.0/24"]
  users = {
    alice = "Alice-Vpn"
    bob   = "Bob-Vpn"
  }
}

resource "huaweicloud_ccm_certificate_import" "server" {
  name              = "vpn-server"
  certificate       = file("${path.module}/server.pem")
  private_key       = file("${path.module}/server.key")
  certificate_chain = file("chain.pem")
}

resource "huaweicloud_vpn_server" "main" {
  p2c_vgw_id       = "b8b0d6f9-3c5d-4b5e-9f64-4a2f5f0d1c11"
  client_cidr      = var.client_cidr
  local_subnets    = local.subnets
  client_auth_type = "CERT"

  server_certificate {
    id = huaweicloud_ccm_certificate_import.server.id
  }

  client_ca_certificates {
    name    = "ca-main"
    content = trimsuffix(file("ca.pem"), "\n")
  }

  ssl_options {
    protocol             = "TCP"
    port                 = 443
    encryption_algorithm = "AES-128-GCM"
  }
}

resource "huaweicloud_vpn_client_ca_certificate" "backup" {
  vpn_server_id = huaweicloud_vpn_server.main.id
  name          = "ca-backup"
  content       = trimspace(file("ca-backup.pem"))
}

resource "huaweicloud_vpn_user_group" "ops" {
  vpn_server_id = huaweicloud_vpn_server.main.id
  name          = "ops"
  description   = "operators"
}

resource "huaweicloud_vpn_user" "team" {
  for_each      = local.users
  vpn_server_id = huaweicloud_vpn_server.main.id
  name          = format("%s.ops", each.key)
  password      = join("-", [each.value, "2026"])
}

resource "huaweicloud_vpn_user" "admin" {
  vpn_server_id = huaweicloud_vpn_server.main.id
  name          = "vpn-admin"
  password      = var.admin_password
}

resource "huaweicloud_vpn_access_policy" "ops" {
  count         = 1
  vpn_server_id = huaweicloud_vpn_server.main.id
  name          = "ops-net-${count.index}"
  user_group_id = huaweicloud_vpn_user_group.ops.id
  dest_ip_cidrs = ["10.10.1.0/24", "10.10.2.0/24"]
}
