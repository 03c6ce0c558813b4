module github.com/vpncertlint/vpncertlint/scripts/sdkbodies-kinds

go 1.22

require github.com/huaweicloud/huaweicloud-sdk-go-v3 v0.1.207

require (
	github.com/json-iterator/go v1.1.13-0.20220915233716-71ac16282d12 // indirect
	github.com/modern-go/concurrent v0.0.0-20180228061459-e0a39a4cb421 // indirect
	github.com/modern-go/reflect2 v1.0.2 // indirect
	go.mongodb.org/mongo-driver v1.13.1 // indirect
	gopkg.in/ini.v1 v1.67.0 // indirect
)
