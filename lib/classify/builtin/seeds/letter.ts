/** Seed texts of the "letter" type. */
import type { SeedSet } from "./seed_types.ts";

export const LETTER: SeedSet = {
  type: "letter",
  label: "Letter",
  en: [
    `Dear Sir or Madam,
Re: your letter of 4 March 2024
Thank you for your letter. I am writing to confirm that we have received your request and will reply within two weeks.
Please do not hesitate to contact me if you have any questions.
Yours faithfully,
Enclosure: copy of the agreement`,
    `Dear Hiring Manager,
I am writing to apply for the position advertised on your website. With five years of experience, I believe I would be a strong fit for your team.
In my current role I have led projects and I am excited about the opportunity to contribute to your company.
Thank you for considering my application. I look forward to hearing from you.
Sincerely,
Cover letter   Hiring manager   Please find enclosed my resume.`,
    `To whom it may concern,
Subject: notice of change
We would like to inform you that our office will move next month. We apologise for any inconvenience.
Kind regards, best regards, warm regards
cc: P.S.
Letter of recommendation: it is my pleasure to recommend, I have known the candidate for three years.`,
    `Name
Street address, City, Postcode
email · phone
March 15, 2024
Hiring Manager
Company
Dear Hiring Manager,
I am excited to submit my application for the role. My background in engineering and my passion for the field make me a strong candidate.
In my previous position, I was responsible for. I would welcome the opportunity to discuss how my skills can benefit your organization.
Thank you for your time and consideration.
Sincerely,
Name`,
    `Dear Customer,
We are writing to let you know about changes to your account. No action is required on your part.
If you have any questions, please call us or visit our website.
Yours sincerely,
Customer Services Manager
Ref: our reference   Your reference`,
    `Dear Parents,
I would like to thank you for your support this year. Please note that the school will be closed on Friday.
With best wishes,
Head teacher
Dear Friend, I hope this letter finds you well. Love,`,
  ],
  de: [
    `Sehr geehrte Damen und Herren,
Betreff: Ihr Schreiben vom 04.03.2024
vielen Dank für Ihr Schreiben. Hiermit bestätigen wir den Eingang Ihrer Unterlagen.
Bezugnehmend auf unser Telefonat teilen wir Ihnen mit, dass wir Ihr Anliegen prüfen werden.
Für Rückfragen stehen wir Ihnen gerne zur Verfügung.
Mit freundlichen Grüßen
Anlage`,
    `Sehr geehrte Ansprechpartnerin,
hiermit bewerbe ich mich um die ausgeschriebene Stelle. Mit großem Interesse habe ich Ihre Anzeige gelesen.
Über eine Einladung zu einem persönlichen Gespräch freue ich mich sehr.
Mit freundlichen Grüßen
Anschreiben   Bewerbung   Anlagen: Lebenslauf, Zeugnisse`,
    `Lieber Kollege,
wir möchten Sie darüber informieren, dass sich unsere Anschrift ändert. Bitte beachten Sie die neue Adresse.
Kündigung: hiermit kündige ich meinen Vertrag fristgerecht zum nächstmöglichen Zeitpunkt. Bitte senden Sie mir eine schriftliche Bestätigung.
Viele Grüße, herzliche Grüße, freundliche Grüße
Ihr Zeichen   Unser Zeichen   Ihre Nachricht vom`,
    `Absender
Empfänger
Ort, den 15. März 2024
Betreff: Kündigung meines Vertrages
Sehr geehrte Damen und Herren,
hiermit kündige ich den oben genannten Vertrag. Ich bitte um eine kurze Bestätigung.
Mit freundlichen Grüßen
Unterschrift`,
  ],
  fr: [
    `Madame, Monsieur,
Objet : votre courrier du 4 mars 2024
Nous accusons réception de votre courrier et vous remercions de votre confiance.
Suite à notre entretien téléphonique, je vous confirme que votre demande est en cours de traitement.
Restant à votre disposition pour tout renseignement complémentaire,
je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.
Pièce jointe`,
    `Madame,
Je me permets de vous adresser ma candidature pour le poste proposé. Fort de cinq ans d'expérience, je souhaite mettre mes compétences au service de votre entreprise.
Je serais ravi de vous rencontrer lors d'un entretien.
Veuillez agréer, Madame, mes sincères salutations.
Lettre de motivation   Vous trouverez ci-joint mon curriculum vitae.`,
    `Cher Monsieur,
Nous avons le plaisir de vous informer que. Nous vous prions de bien vouloir nous excuser pour ce contretemps.
Lettre recommandée avec accusé de réception : par la présente, je vous informe de ma décision de résilier mon abonnement.
Bien cordialement, cordialement, avec mes remerciements
Vos références   Nos références`,
    `Expéditeur
Destinataire
À Lyon, le 15 mars 2024
Objet : demande de renseignements
Madame, Monsieur,
Je me permets de vous écrire afin de. Dans l'attente de votre réponse,
je vous prie d'agréer l'expression de ma considération distinguée.
Signature`,
  ],
  es: [
    `Estimados señores:
Asunto: su carta del 4 de marzo de 2024
Por medio de la presente les comunicamos que hemos recibido su solicitud.
Me dirijo a ustedes para informarles de que su petición está siendo tramitada.
Quedo a su disposición para cualquier consulta.
Atentamente,
Anexo`,
    `Estimada señora:
Me pongo en contacto con usted para presentar mi candidatura al puesto ofertado. Cuento con cinco años de experiencia.
Agradecería la oportunidad de mantener una entrevista personal.
Reciba un cordial saludo.
Carta de presentación   Adjunto mi currículum vítae.`,
    `Querido amigo:
Le escribo para comunicarle que nuestra oficina cambia de dirección. Disculpe las molestias.
Por la presente solicito la baja del servicio con efecto inmediato. Ruego me envíen confirmación por escrito.
Un saludo, saludos cordiales, un abrazo
Su referencia   Nuestra referencia`,
    `Remitente
Destinatario
En Sevilla, a 15 de marzo de 2024
Asunto: solicitud de información
Muy señores míos:
Les escribo para solicitar. En espera de sus noticias, les saluda atentamente,
Firma`,
  ],
};
