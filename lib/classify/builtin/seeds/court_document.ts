/** Seed texts of the "court_document" type. */
import type { SeedSet } from "./seed_types.ts";

export const COURT_DOCUMENT: SeedSet = {
  type: "court_document",
  label: "Court document",
  en: [
    `UNITED STATES DISTRICT COURT
FOR THE SOUTHERN DISTRICT
Plaintiff,
v.
Defendant.
Case No. 1:23-cv-04512
MEMORANDUM OPINION AND ORDER
Before the Court is Defendant's motion to dismiss the complaint pursuant to Federal Rule of Civil Procedure 12(b)(6).
For the reasons set forth below, the motion is GRANTED in part and DENIED in part.
BACKGROUND   LEGAL STANDARD   DISCUSSION   CONCLUSION
IT IS HEREBY ORDERED, ADJUDGED AND DECREED that judgment is entered in favor of the plaintiff.
SO ORDERED.   United States District Judge   Dated   Filed   Docket No.   Document 45`,
    `IN THE SUPERIOR COURT OF THE STATE
Petitioner   Respondent   Civil action   Cause number   Division
COMPLAINT FOR DAMAGES   JURY TRIAL DEMANDED
Comes now the Plaintiff, by and through undersigned counsel, and alleges as follows:
PARTIES   JURISDICTION AND VENUE   FACTUAL ALLEGATIONS   COUNT I – BREACH OF CONTRACT   PRAYER FOR RELIEF
WHEREFORE, Plaintiff respectfully requests that the Court enter judgment against Defendant.
Respectfully submitted, Attorney for Plaintiff, Bar No.
CERTIFICATE OF SERVICE: I hereby certify that a true copy was served upon all counsel of record.
Summons   Subpoena   Affidavit   Sworn before me   Notary public   Exhibit A   Hearing   Appeal   Court of Appeals   Magistrate`,
    `The Court finds that Plaintiff has failed to state a claim upon which relief can be granted. Defendant argues that the statute of limitations bars the claim. Plaintiff alleges that the contract was breached.
Having considered the evidence, the testimony of the witnesses and the arguments of counsel, the Court concludes that summary judgment is appropriate.
See Doe v. Roe, 123 F.3d 456 (2d Cir. 1999); 28 U.S.C. § 1332. Id. at 460.
Accordingly, the motion for summary judgment is granted and the case is dismissed with prejudice. The Clerk of Court is directed to close this case.
ORDER ON MOTION. Findings of fact and conclusions of law. Stipulation. Consent decree. Sentencing. Probation. Indictment.`,
  ],
  de: [
    `Amtsgericht
Aktenzeichen: 12 C 345/23
IM NAMEN DES VOLKES
URTEIL
In dem Rechtsstreit
– Kläger –
Prozessbevollmächtigte: Rechtsanwälte
gegen
– Beklagte –
hat das Amtsgericht auf die mündliche Verhandlung vom 15.03.2024 durch die Richterin am Amtsgericht für Recht erkannt:
1. Die Beklagte wird verurteilt, an den Kläger 1.234,56 € nebst Zinsen in Höhe von fünf Prozentpunkten über dem Basiszinssatz zu zahlen.
2. Die Kosten des Rechtsstreits trägt die Beklagte.
3. Das Urteil ist vorläufig vollstreckbar.
Tatbestand   Entscheidungsgründe   Rechtsbehelfsbelehrung
Beschluss   Landgericht   Oberlandesgericht   Klageschrift   Berufung   Streitwert   Geschäftsstelle`,
    `Landgericht – Zivilkammer
Klage   Antrag auf Erlass eines Mahnbescheids   Vollstreckungsbescheid   Ladung zum Termin
Schriftsatz   Beweisantrag   Sachverständigengutachten   Vergleich   Urkundsbeamtin der Geschäftsstelle
Familiengericht Scheidungsbeschluss   Sozialgericht   Verwaltungsgericht   Strafbefehl Staatsanwaltschaft`,
    `Die zulässige Klage ist begründet. Der Kläger hat gegen die Beklagte einen Anspruch auf Zahlung aus § 433 Abs. 2 BGB.
Die Beklagte hat die Forderung nicht bestritten. Die Beweisaufnahme hat ergeben, dass.
Die Kostenentscheidung beruht auf § 91 ZPO, die Entscheidung über die vorläufige Vollstreckbarkeit auf § 709 ZPO.
Gegen dieses Urteil ist das Rechtsmittel der Berufung gegeben. Richter am Landgericht. Verkündet am. Ausgefertigt.`,
  ],
  fr: [
    `TRIBUNAL JUDICIAIRE
RG n° 23/04512   Minute n°
JUGEMENT rendu le 15 mars 2024
DEMANDEUR : représenté par Maître, avocat au barreau
DÉFENDEUR :
COMPOSITION DU TRIBUNAL : Président, Assesseurs, Greffier
DÉBATS : à l'audience publique du
EXPOSÉ DU LITIGE   MOTIFS DE LA DÉCISION
PAR CES MOTIFS, le tribunal, statuant publiquement, par jugement contradictoire et en premier ressort,
CONDAMNE le défendeur à payer au demandeur la somme de 1 234,56 euros au titre de l'article 700 du code de procédure civile,
DÉBOUTE les parties du surplus de leurs demandes, CONDAMNE aux dépens.
Le Greffier   Le Président`,
    `Cour d'appel — Arrêt
Appelant   Intimé   Assignation   Ordonnance de référé   Conclusions   Pourvoi en cassation
Conseil de prud'hommes   Tribunal de commerce   Signification par huissier de justice (commissaire de justice)`,
    `Le tribunal constate que la demande est recevable mais mal fondée. Le défendeur soutient que l'action est prescrite.
Attendu que, vu les articles 1103 et suivants du code civil, il convient de faire droit à la demande.
Ordonne l'exécution provisoire. Rejette le surplus des demandes. Ainsi jugé et prononcé par mise à disposition au greffe.
Appel, délai d'un mois à compter de la signification. Ministère public. Partie civile. Prévenu.`,
  ],
  es: [
    `JUZGADO DE PRIMERA INSTANCIA N.º 3
Procedimiento: juicio verbal 345/2023
SENTENCIA N.º 123/2024
En Madrid, a 15 de marzo de 2024.
Vistos por el Magistrado-Juez los presentes autos, promovidos por el demandante, representado por el Procurador y asistido por el Letrado,
contra el demandado.
ANTECEDENTES DE HECHO   FUNDAMENTOS DE DERECHO
FALLO: Que estimando la demanda, debo condenar y condeno al demandado a abonar la cantidad de 1.234,56 euros, con expresa imposición de costas.
Contra esta sentencia cabe recurso de apelación en el plazo de veinte días.
Así por esta mi sentencia, lo pronuncio, mando y firmo.
Letrado de la Administración de Justicia   Diligencia de ordenación   Auto   Decreto   Audiencia Provincial   Tribunal Supremo`,
    `Primero. La demanda debe ser estimada, toda vez que el demandado no ha acreditado el pago de la cantidad reclamada.
Segundo. De conformidad con el artículo 394 de la Ley de Enjuiciamiento Civil, las costas se imponen a la parte demandada.
Notifíquese la presente resolución a las partes, haciéndoles saber que no es firme. Juzgado de lo Social. Sala de lo Contencioso-Administrativo. Recurso de casación.`,
  ],
};
