client_cidr    = "172.16.0.0/22"
admin_password = "Adm1n-Secret-Pass"
