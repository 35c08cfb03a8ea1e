-- Reviews in several languages: metadata, multi-byte markup, sentences.
SET extra_float_digits = 0;

-- Japanese: front matter, warning line, spoiler markup in multi-byte text.
SELECT E'---\ntitle: 港の灯\nrating: ★★★★☆\nlang: ja\n---\nネタバレ注意\n静かな港町の物語だ。||最後に灯台守が海に消える。||映像がとても美しい。'::review;
SELECT review_lang(r), review_rating(r), has_spoilers(r), review_body(r)
FROM (SELECT E'---\nlang: ja\n---\n静かな港町の物語だ。||最後に灯台守が海に消える。||映像がとても美しい。'::review AS r) s;

-- French with accents, and a French warning line.
SELECT E'---\ntitle: Les Écluses\nlang: fr\nrating: 16/20\n---\nAttention spoilers\nUn été à Saint-Malo. >!Élodie quitte la ville à la fin.!< Très belle photographie.'::review;
SELECT review_body(E'---\nlang: fr\n---\nUn été à Saint-Malo. >!Élodie quitte la ville.!< Très beau.'::review);

-- German, Spanish and a region/script subtag.
SELECT review_lang(E'---\nlang: de-at\n---\nDer Film ist großartig. [spoiler]Die Fähre sinkt.[/spoiler]'::review),
       review_lang(E'---\nlang: ES-419\n---\nLa película es lenta. ¡||El perro sobrevive||!'::review),
       review_lang(E'---\nlang: zh-hant-tw\n---\n這部電影很美。'::review);

-- Canonical output re-parses to an equal value in every language.
WITH inputs(t) AS (VALUES
	(E'---\nlang: ja\n---\n物語は静かに始まる。||彼女は死ぬ。||'),
	(E'---\nlang: fr\n---\nÇa commence doucement. (view spoiler)[Il meurt.(hide spoiler)]'),
	(E'---\nlang: de\n---\nÜberraschend gut. <spoiler>Der Bruder war es.</spoiler>'),
	(E'---\nlang: th\n---\nภาพยนตร์เรื่องนี้ดีมาก ||ตอนจบเศร้า||'),
	(E'---\nlang: zh\n---\n电影很好看。!!最后他死了。!!'))
SELECT review_lang(t::review), t::review::text::review = t::review AS round_trip FROM inputs;
