# Faulty client CAs, users, user groups and access policies of a server outside the configuration.
variable "server_id" {
  default = "0d5d0a6e-7a4d-4a0c-9b53-6a3e5b1f2c3d"
}

resource "huaweicloud_vpn_client_ca_certificate" "leaf" {
  vpn_server_id = var.server_id
  name          = "leaf"
  content       = file("leaf.pem")
}

resource "huaweicloud_vpn_client_ca_certificate" "weak" {
  vpn_server_id = var.server_id
  name          = "weak key"
  content       = file("rsa1024.pem")
}

resource "huaweicloud_vpn_client_ca_certificate" "empty" {
  vpn_server_id = var.server_id
  name          = "empty"
  content       = ""
}

resource "huaweicloud_vpn_user" "short" {
  vpn_server_id = var.server_id
  name          = "bob"
  password      = "abcdefgh"
}

resource "huaweicloud_vpn_user" "same" {
  vpn_server_id = var.server_id
  name          = "carol.c"
  password      = "carol.c"
  description   = "a description that is longer than the sixty-four characters allowed"
}

resource "huaweicloud_vpn_user" "chars" {
  vpn_server_id = var.server_id
  name          = "dave.d"
  password      = "Pässwort-2026"
}

resource "huaweicloud_vpn_user_group" "long" {
  vpn_server_id = var.server_id
  name          = "a-group-name-that-is-far-too-long-for-the-api-which-takes-64-chars"
  description   = "a description that is longer than the sixty-four characters allowed"
}

resource "huaweicloud_vpn_access_policy" "cidrs" {
  vpn_server_id = var.server_id
  name          = "cidrs"
  user_group_id = "7625fd92-2e20-4e4d-8c56-66f110fbfaa8"
  dest_ip_cidrs = ["10.0.0.1/24", "127.0.0.0/8", "10.1.0.0/24", "10.2.0.0/24", "10.3.0.0/24", "10.4.0.0/24", "10.5.0.0/24", "10.6.0.0/24", "10.7.0.0/24", "10.8.0.0/24", "10.9.0.0/24"]
}

resource "huaweicloud_vpn_access_policy" "none" {
  vpn_server_id = var.server_id
  name          = "none"
  user_group_id = "7625fd92-2e20-4e4d-8c56-66f110fbfaa8"
  dest_ip_cidrs = []
}
