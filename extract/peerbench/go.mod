module github.com/entente/entente/extract/peerbench

go 1.26.8

require (
	github.com/entente/entente v0.0.0
	github.com/go-ego/gse v0.80.3
)

require (
	github.com/liuzl/cedar-go v0.0.0-20170805034717-80a9c64b256d // indirect
	github.com/liuzl/da v0.0.0-20180704015230-14771aad5b1d // indirect
	github.com/longbridgeapp/opencc v0.3.13 // indirect
	github.com/vcaesar/cedar v0.20.2 // indirect
	golang.org/x/text v0.44.0 // indirect
)

replace github.com/entente/entente => ../..
