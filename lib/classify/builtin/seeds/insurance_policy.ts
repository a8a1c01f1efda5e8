/** Seed texts of the "insurance_policy" type. */
import type { SeedSet } from "./seed_types.ts";

export const INSURANCE_POLICY: SeedSet = {
  type: "insurance_policy",
  label: "Insurance policy",
  en: [
    `INSURANCE POLICY
Policy number HP-2024-004512   Policyholder   Named insured   Insured property address
Policy period: from 01/03/2024 to 28/02/2025, 12:01 a.m. standard time
Declarations page
Coverage   Limit of liability   Deductible   Premium
Dwelling $350,000   Personal property   Loss of use   Personal liability   Medical payments to others
Total annual premium $1,245.00
Endorsements   Exclusions   Conditions   Definitions
In return for the payment of the premium and subject to all the terms of this policy, we will provide the insurance described.
We do not insure for loss caused by flood, earth movement, war, nuclear hazard, intentional loss.
How to make a claim: report the loss promptly, proof of loss. Cancellation and non-renewal. Subrogation.`,
    `Certificate of insurance / Schedule of cover
Insurer   Underwriter   Broker   Insured person   Beneficiary
Life insurance policy: sum assured, death benefit, term of policy, premium payment, surrender value, riders
Health insurance: plan, member ID, group number, copay, coinsurance, out-of-pocket maximum, in-network, covered services, pre-existing conditions
Motor insurance: vehicle, registration, comprehensive, third party, no claims discount, named drivers, excess
Travel insurance: trip cancellation, medical expenses abroad, baggage, policy wording, key facts
Summary of benefits and coverage   Evidence of coverage   Policy terms and conditions`,
    `SECTION I – PROPERTY COVERAGES
We will pay for direct physical loss to covered property caused by a peril insured against, unless the loss is excluded.
You must notify us promptly of any loss. We may inspect the damaged property. Our limit of liability is shown in the Declarations.
SECTION II – LIABILITY COVERAGES: we will pay damages for bodily injury or property damage caused by an occurrence to which this coverage applies.
DEFINITIONS: "You" and "your" refer to the named insured. "We", "us" and "our" refer to the company providing this insurance.
This endorsement modifies insurance provided under the policy. Premium is due on the effective date. Grace period. Reinstatement.
Benefit schedule: covered expenses, maximum benefit, waiting period, elimination period, eligibility.`,
  ],
  de: [
    `Versicherungsschein
Versicherungsnummer 123/456789   Versicherungsnehmer   versicherte Person   Versicherungsort
Versicherungsbeginn 01.03.2024   Versicherungsablauf 01.03.2025, verlängert sich jeweils um ein Jahr
Versicherungsumfang   Versicherungssumme   Selbstbeteiligung   Jahresbeitrag 245,00 € inkl. Versicherungsteuer
Hausratversicherung   Privathaftpflichtversicherung   Wohngebäudeversicherung
Es gelten die Allgemeinen Versicherungsbedingungen (AVB) und die Besonderen Bedingungen.
Leistungsumfang   Ausschlüsse   Obliegenheiten im Schadenfall   Schadenmeldung
Widerrufsbelehrung   Kündigung nach Schadenfall   Beitragsanpassung`,
    `Police / Versicherungsbestätigung
Versicherer   Vermittler   Tarif   Beitragszahlung monatlich
Lebensversicherung: Bezugsberechtigter, Todesfallleistung, Rückkaufswert, garantierte Rente
Krankenversicherung: Tarif, Leistungen, Eigenanteil, Beitragsrückerstattung
Kfz-Versicherung: Haftpflicht, Teilkasko, Vollkasko, Schadenfreiheitsklasse, Fahrzeug, amtliches Kennzeichen
Reiserücktrittsversicherung, Rechtsschutzversicherung, Berufsunfähigkeitsversicherung`,
    `Was ist versichert? Wir leisten Entschädigung für versicherte Sachen, die durch Brand, Leitungswasser, Sturm oder Hagel zerstört oder beschädigt werden.
Was ist nicht versichert? Schäden durch Krieg, innere Unruhen und Kernenergie sind ausgeschlossen.
Sie sind verpflichtet, uns jeden Versicherungsfall unverzüglich anzuzeigen. Die Versicherungssumme ist im Versicherungsschein angegeben.
Der erste Beitrag ist unverzüglich nach Abschluss des Vertrages fällig. Wartezeit. Leistungsfall.`,
  ],
  fr: [
    `CONDITIONS PARTICULIÈRES — CONTRAT D'ASSURANCE HABITATION
Numéro de contrat / police   Souscripteur   Assuré   Adresse du risque
Date d'effet 01/03/2024   Échéance principale 01/03   Tacite reconduction
Garanties souscrites   Plafond   Franchise   Cotisation annuelle TTC 245,00 €
Incendie   Dégâts des eaux   Vol   Bris de glace   Responsabilité civile   Catastrophes naturelles
Le présent contrat est régi par le Code des assurances et par les conditions générales.
Exclusions   Déclaration de sinistre dans un délai de cinq jours ouvrés   Résiliation   Attestation d'assurance`,
    `Assurance vie / mutuelle santé / assurance auto
Assureur   Bénéficiaire en cas de décès   Capital garanti   Rachat   Versements
Tableau des garanties : remboursements, tiers payant, ticket modérateur
Véhicule assuré, tous risques, au tiers, bonus-malus, conducteur principal
Notice d'information   Certificat d'adhésion`,
    `Que garantit votre contrat ? Nous vous indemnisons des dommages matériels causés à vos biens assurés par un incendie, un dégât des eaux ou une tempête.
Ce qui n'est pas garanti : les dommages résultant de la guerre ou d'un fait intentionnel de l'assuré.
Vous devez nous déclarer tout sinistre dès que vous en avez connaissance. Le montant des garanties figure aux conditions particulières.
La cotisation est payable d'avance. Délai de carence. Indemnisation. Vétusté.`,
  ],
  es: [
    `PÓLIZA DE SEGURO DE HOGAR — CONDICIONES PARTICULARES
Número de póliza   Tomador del seguro   Asegurado   Situación del riesgo
Fecha de efecto 01/03/2024   Fecha de vencimiento 01/03/2025   Duración anual prorrogable
Coberturas   Capital asegurado   Franquicia   Prima total anual 245,00 €
Continente   Contenido   Responsabilidad civil   Daños por agua   Robo
El presente contrato se rige por la Ley de Contrato de Seguro y por las condiciones generales.
Exclusiones   Comunicación del siniestro   Periodo de carencia   Beneficiarios`,
    `Seguro de vida / seguro de salud / seguro de automóvil
Aseguradora   Mediador   Suma asegurada   Fallecimiento   Invalidez
Cuadro médico   Copago   Tarjeta sanitaria
Vehículo asegurado, todo riesgo, terceros ampliado, conductor habitual, bonificación
Certificado de seguro   Recibo de prima`,
    `¿Qué está asegurado? La aseguradora indemnizará los daños materiales sufridos por los bienes asegurados a consecuencia de incendio, daños por agua o fenómenos atmosféricos.
¿Qué no está asegurado? Quedan excluidos los daños causados intencionadamente por el asegurado.
El tomador deberá comunicar el siniestro en el plazo de siete días. Las sumas aseguradas figuran en las condiciones particulares.
La prima se pagará por anticipado. Indemnización. Peritación.`,
  ],
};
