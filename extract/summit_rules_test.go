package extract

import "testing"

// TestSummitAreas: a summit's joint statement between a state and a
// partner of its regional framework names its fields by words of its
// own. A country's summit with a region (the Korea–Central Asia Summit,
// as China–Central Asia and China–CEEC) is a regional framework as well as
// the leaders' exchange; a diaspora that serves as a bridge between the
// two peoples is people, no works; joint ventures are investment; a
// chemical complex is industry; glaciers are the environment's; a
// campus is education; modernization is development only where it names
// no field of its own (of railways, of grids is theirs). (A peninsula's nuclear and missile programmes stay
// its dispute alone, hotspots, as the eu-jp and jp-nl golds read them.)
func TestSummitAreas(t *testing.T) {
	x := newTestSpaced(t, "en")
	parties := []string{"KR", "KZ"}
	tests := []docAreaCase{
		{"They welcomed the outcomes of the first Korea–Central Asia Summit.", []string{"international_order", "political"}},
		{"President Lee thanked Kazakhstan for its care for the Koryo-saram, the ethnic Koreans of Kazakhstan, who serve as a bridge between the two peoples.", []string{"people"}},
		{"The two sides will build a new bridge across the river.", []string{"infrastructure"}},
		{"Korea will support the establishment of joint ventures in Kazakhstan.", []string{"investment"}},
		{"The two sides will cooperate to complete the Atyrau Gas Chemical Complex.", []string{"energy", "investment"}},
		{"The two sides will share experience in the protection of glaciers.", []string{"green"}},
		{"The leaders expressed concern over the nuclear and missile programmes of the Democratic People's Republic of Korea and called for the complete denuclearization of the Korean Peninsula.", []string{"hotspots"}},
		{"Kazakhstan welcomed Korea's decision to open a campus in Astana.", []string{"people"}},
		// modernization names development only where no field is named: of railways, of a grid it
		// is that field's work
		{"Korean companies are encouraged to take part in the modernization of railways and ports.", []string{"infrastructure", "investment"}},
		{"The two sides will cooperate in the modernisation of transmission grids.", []string{"energy"}},
		{"The Kazakh side appreciated Korea's support for its modernization.", []string{"development"}},
	}
	checkSentenceAreas(t, x, parties, tests)
}
