/**
 * A tiny language check: only English questions are understood yet. Non-Latin scripts are found
 * by Unicode script; Spanish, Portuguese, French, German, Italian and Dutch by their common
 * function and business words (none of them English words), which must outnumber the English
 * ones. Place names such as "La Rioja" or "São Paulo" in an English question stay English.
 */
const OTHER_SCRIPTS =
  /[\p{Script=Cyrillic}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Greek}\p{Script=Devanagari}\p{Script=Thai}]/gu;

const words = (list: string) => new Set(list.split(/\s+/));

const LANGUAGES: Record<string, Set<string>> = {
  Spanish: words(
    'el la los las del que qué cuál cuáles cuánto cuánta cuántos cuántas cómo dónde cuándo por para una unos unas es son fue fueron y en con sin mes año pasado pasada último última mejores ventas ingresos tienda tiendas gastos muéstrame muestra dame dime quiero hola gracias buenos días tardes trimestre semana',
  ),
  Portuguese: words(
    'os da dos das não qual quais quanto quantos quantas onde quando um uma é são foi foram em na nos nas mês ano passado último última vendas loja lojas receita despesas mostre mostra mostrar quero olá obrigado obrigada bom dia semana trimestre pelo pela',
  ),
  French: words(
    'le les du des une est sont était et dans pour avec sans quel quelle quels quelles combien comment où quand mois année dernier dernière ventes magasin magasins chiffre affaires dépenses montre montrez moi donne bonjour merci semaine trimestre ce cette ces sur',
  ),
  German: words(
    'der das dem ist sind und nicht wie wieviel viel viele welche welcher welches wo wann umsatz letzten letzte letzter monat jahr im mit für zeige zeig mir bitte ein eine einen von zu auf wir haben geschäft filiale filialen verkäufe ausgaben hallo guten danke woche quartal vorjahr',
  ),
  Italian: words(
    'il lo gli della delle dei di che qual quale quali quanto quanti quante quando mese anno scorso scorsa ultimo ultima vendite negozio negozi mostrami fatturato spese sono è nel nella nei ciao buongiorno grazie ricavi settimana trimestre un una',
  ),
  Dutch: words(
    'de het een en wat hoeveel welke waar wanneer omzet winkel winkels maand jaar vorige vorig laatste toon mij laat zien zijn niet ook hoe hallo goedemorgen graag bedankt kosten uitgaven kwartaal bij',
  ),
};

const ENGLISH = words(
  'the a an of in on for to by and or is are was were what which who how why when where show me my our did do does last this per vs with from top best give list than total revenue sales store stores month year quarter week expenses returns margin profit compare compared at as it be been have has',
);

const GREETINGS = words(
  'hola bonjour hallo ciao olá buongiorno goedemorgen salut gracias merci danke grazie obrigado bedankt',
);

/** The language named when the question is not English, else null. */
export function detectOtherLanguage(question: string): string | null {
  const letters = question.match(/\p{L}/gu) ?? [];
  const other = question.match(OTHER_SCRIPTS) ?? [];
  if (letters.length > 0 && other.length / letters.length > 0.3) return 'a non-Latin script';
  if (/[¿¡]/.test(question)) return 'Spanish';
  const tokens = question
    .toLowerCase()
    .split(/[^\p{L}'’]+/u)
    .map((t) => t.replace(/^['’]+|['’]+$/g, ''))
    .filter((t) => t.length > 0);
  if (tokens.length === 1 && GREETINGS.has(tokens[0] as string)) return 'another language';
  const english = tokens.filter((t) => ENGLISH.has(t)).length;
  let best: { name: string; hits: number } | null = null;
  for (const [name, list] of Object.entries(LANGUAGES)) {
    const hits = tokens.filter((t) => list.has(t)).length;
    if (best === null || hits > best.hits) best = { name, hits };
  }
  if (best === null || best.hits < 2 || best.hits <= english) return null;
  return best.hits / tokens.length >= 0.3 ? best.name : null;
}
