/**
 * Stop words of English, German, French and Spanish, already folded the way the
 * tokenizer folds text (lower case, no accents, ß → ss), so they match its tokens.
 * They carry no hint of a document's type and would only dilute the features.
 *
 * Personal pronouns are deliberately not stop words: who speaks to whom is a hint of the
 * genre ("we" and "our" in papers and minutes, "you" and "your" in manuals and bills,
 * "I" and "my" in letters and CVs). Nor is "shall", the verb of contracts.
 */

const ENGLISH = `
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had
has have having he her here hers herself him himself his how if in into is it its itself just more
most no nor not now of off on once only or other out over own same she should so some such than
that the their theirs them themselves then there these they this those through to too under until
up very was were what when where which while who whom why will with would may might must us upon
via per
`;

const GERMAN = `
aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes auch
auf aus bei bin bis bist da damit dann das dass dasselbe dazu dem den denn der derer des desselben
dessen die dies diese dieselbe dieselben diesem diesen dieser dieses doch dort durch ein eine
einem einen einer eines einig einige einigem einigen einiger er es etwas fur gegen gewesen hab
habe haben hat hatte hatten hier hin hinter ihm ihn ihnen ihr ihre ihrem ihren ihrer ihres im in
indem ins ist jede jedem jeden jeder jedes jene jenem jenen jener jenes jetzt kann kein keine
keinem keinen keiner konnen konnte machen man manche mein meine meinem meinen meiner mit muss
musste nach nicht nichts noch nun nur ob oder ohne sehr sein seine seinem seinen seiner selbst
sich sie sind so solche soll sollte sondern sonst uber um und unter viel vom von vor wahrend war
waren warst was weg weil weiter welche welchem welchen welcher welches wenn werde werden wie
wieder will wird wirst wo wollen wollte wurde wurden zu zum zur zwar zwischen
`;

const FRENCH = `
au aux avec ce ces dans de des du elle en et eux il ils la le les leur leurs lui mais meme ne on
ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une ci ete etee etees etes
etant suis es est sommes sont serai sera serons seront serais serait etais etait etions etiez
etaient fus fut ai as avons avez ont aurai aura aurons auront avais avait avions aviez avaient eu
ceci cela celle celles celui ceux cet cette dont donc ici lors puis sans sous tous tout toute
toutes tres aussi car comme comment quand si plus
`;

const SPANISH = `
al algo algunas algunos ante antes como con contra cual cuando de del desde donde durante el ella
ellas ellos en entre era erais eran eras eres es esa esas ese eso esos esta estaba estado estais
estamos estan estar este esto estos estoy fue fueron fui fuimos ha habia han has hasta hay la las
le les lo los mas mucho muy nada ni no o otra otros para pero poco por porque que quien quienes se
sea ser si sido sin sobre sois solo somos son soy su sus tambien tanto tenemos tener tiene tienen
todo todos un una uno unos ya
`;

function words(list: string): string[] {
  return list.split(/\s+/).filter((word) => word.length > 0);
}

/** Every stop word of the four languages. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  ...words(ENGLISH),
  ...words(GERMAN),
  ...words(FRENCH),
  ...words(SPANISH),
]);
