package entente

// Areas are the policy areas of the extraction contract's taxonomy
// (shared/spec/extraction.md), in its order, with their labels. A
// sentence's Areas hold these codes; the lexicon's area words name them.
func Areas() ValueList {
	return ValueList{
		value("political", "政治", "political relations", "politički odnosi"),
		value("sovereignty", "主权与领土完整", "sovereignty", "suverenitet"),
		value("international_order", "国际秩序", "international order", "međunarodni poredak"),
		value("hotspots", "地区热点", "regional hotspots", "regionalna žarišta"),
		value("trade", "贸易", "trade", "trgovina"),
		value("investment", "投资", "investment", "investicije"),
		value("infrastructure", "基础设施", "infrastructure", "infrastruktura"),
		value("energy", "能源", "energy", "energetika"),
		value("finance", "金融", "finance", "finansije"),
		value("digital", "数字", "digital", "digitalna ekonomija"),
		value("ai", "人工智能", "artificial intelligence", "veštačka inteligencija"),
		value("science", "科技", "science and technology", "nauka i tehnologija"),
		value("resources", "资源", "natural resources", "prirodni resursi"),
		value("green", "绿色发展", "green development", "zeleni razvoj"),
		value("development", "发展", "development", "razvoj"),
		value("health", "卫生健康", "health", "zdravstvo"),
		value("people", "人文交流", "people-to-people exchange", "razmena među ljudima"),
		value("security", "安全", "security", "bezbednost"),
		value("disaster", "防灾减灾", "disaster management", "upravljanje katastrofama"),
	}
}
