package geo

import (
	"testing"
	"time"
)

func TestCountryOn(t *testing.T) {
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		iso3 string
		on   time.Time
		want string
	}{
		{"SSD", day(1995, 3, 1), "SDN"},
		{"SSD", day(2011, 7, 8), "SDN"},
		{"SSD", day(2011, 7, 9), "SSD"}, // independence day
		{"ERI", day(1991, 1, 1), "ETH"},
		{"MNE", day(2000, 1, 1), "SRB"},
		{"XKX", day(1999, 6, 1), "SRB"},
		{"XKX", day(2010, 1, 1), "XKX"},
		{"TLS", day(1999, 9, 1), "TLS"}, // named as itself before 2002
		{"SSD", time.Time{}, "SSD"},     // no date: today
		{"FRA", day(1950, 1, 1), "FRA"},
	}
	for _, tc := range tests {
		if got := CountryOn(tc.iso3, tc.on); got != tc.want {
			t.Errorf("CountryOn(%s, %s) = %s, want %s", tc.iso3, tc.on.Format(time.DateOnly), got, tc.want)
		}
	}
}
