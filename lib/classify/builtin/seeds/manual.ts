/** Seed texts of the "manual" type. */
import type { SeedSet } from "./seed_types.ts";

export const MANUAL: SeedSet = {
  type: "manual",
  label: "Manual",
  en: [
    `USER MANUAL
Read these instructions carefully before using the appliance and keep them for future reference.
Table of contents
1 Safety instructions   2 Product overview   3 Installation   4 Getting started   5 Operation   6 Cleaning and maintenance   7 Troubleshooting   8 Technical specifications   9 Warranty
WARNING: Risk of electric shock. Do not open the housing. CAUTION: Hot surface.
Note: Unplug the device before cleaning.
To switch on the device, press and hold the power button for three seconds. The indicator light turns green.
Step 1: Connect the cable. Step 2: Select the mode. Step 3: Confirm with OK.
If the display shows an error code, refer to the troubleshooting table. Problem / possible cause / solution.
Package contents   Dimensions   Weight   Power supply 230 V   Operating temperature   Disposal`,
    `Documentation
Getting started   Installation   Quick start guide   Configuration   Usage   Examples   API reference   FAQ
To install the library, add the dependency to your project and run the following command:
The configuration file contains the following options. Parameters: name, type, default value, description.
The method returns a new instance. This function takes two arguments.
Example: the code below shows how to create a document and save it.
Command line interface: options and flags, --help, --version.
See also the chapter on advanced settings. Release notes, changelog, known issues, migration guide, system requirements.
This guide explains how to set up, configure and use the software.`,
    `Operating instructions / installation guide / owner's manual / service manual / handbook
Before first use   Assembly   Mounting   Setting the clock   Programming   Menu   Settings   Reset to factory defaults
Press the MENU button to open the settings menu. Use the arrow keys to navigate.
Replacing the battery   Maintenance schedule   Spare parts   Customer service   Declaration of conformity (CE)
Administrator guide: user management, permissions, backup and restore, log files, upgrade procedure`,
    `Chapter 3: Setting up the printer
This chapter describes how to load paper and print a test page.
Procedure
Step 1. Open the paper tray. Step 2. Insert the paper with the print side facing down.
Result: the printer is ready.
Table 4: Control panel buttons — Button, Function, Indicator
Note: Use only recommended paper types. Tip: You can also print from the mobile app.
Important: Do not switch off the printer while the firmware is updating.
See section 3.2 for more information. Refer to the quick reference guide. Figure 5: front view.`,
    `How to use the app
To create a new project, click New in the toolbar and enter a name. Select the folder where you want to save the file and click Save.
You can change the default settings at any time: open the Settings window, choose the tab you need and adjust the options.
If the screen goes blank, check that the cable is connected correctly and the device is switched on.
The following table lists the keyboard shortcuts. Press Ctrl+S to save. Use the arrow keys to move the cursor.
When you are finished, close the window. The changes are saved automatically.
Warranty information: this product is guaranteed against defects in materials and workmanship for two years.`,
  ],
  de: [
    `BEDIENUNGSANLEITUNG
Lesen Sie diese Anleitung vor der Inbetriebnahme sorgfältig durch und bewahren Sie sie auf.
Inhaltsverzeichnis
1 Sicherheitshinweise   2 Lieferumfang   3 Gerätebeschreibung   4 Inbetriebnahme   5 Bedienung   6 Reinigung und Pflege   7 Fehlerbehebung   8 Technische Daten   9 Entsorgung   10 Garantie
WARNUNG: Stromschlaggefahr! VORSICHT: Heiße Oberfläche. Hinweis: Ziehen Sie vor der Reinigung den Netzstecker.
Zum Einschalten drücken Sie die Ein/Aus-Taste drei Sekunden lang. Die Kontrollleuchte leuchtet grün.
Schritt 1: Schließen Sie das Kabel an. Schritt 2: Wählen Sie den Modus. Schritt 3: Bestätigen Sie mit OK.
Störung / mögliche Ursache / Abhilfe. Wenden Sie sich an den Kundendienst.`,
    `Benutzerhandbuch / Dokumentation
Erste Schritte   Installation   Konfiguration   Beispiele   Schnittstellenbeschreibung (API)   Häufige Fragen
Um die Bibliothek zu installieren, fügen Sie die Abhängigkeit zu Ihrem Projekt hinzu und führen Sie folgenden Befehl aus:
Die Konfigurationsdatei enthält folgende Parameter. Die Methode gibt ein Objekt zurück.
Im folgenden Beispiel wird gezeigt, wie Sie eine Datei erzeugen und speichern.
Systemvoraussetzungen   Versionshinweise   Aktualisierung   Montageanleitung   Gebrauchsanweisung   Wartungshandbuch
Diese Anleitung beschreibt Einrichtung, Konfiguration und Verwendung der Software.`,
    `So verwenden Sie das Gerät
Um ein neues Programm zu wählen, drehen Sie den Programmwahlschalter. Öffnen Sie das Menü Einstellungen und wählen Sie die gewünschte Option.
Sie können die Werkseinstellungen jederzeit wiederherstellen. Halten Sie dazu die Reset-Taste gedrückt.
Wenn das Display nichts anzeigt, prüfen Sie, ob das Netzkabel richtig eingesteckt ist.
Die folgende Tabelle zeigt die Tastenkombinationen. Klicken Sie auf Speichern, um die Änderungen zu übernehmen.`,
  ],
  fr: [
    `MODE D'EMPLOI
Lisez attentivement cette notice avant la première utilisation et conservez-la.
Sommaire
1 Consignes de sécurité   2 Contenu de l'emballage   3 Description de l'appareil   4 Mise en service   5 Utilisation   6 Nettoyage et entretien   7 Dépannage   8 Caractéristiques techniques   9 Garantie
AVERTISSEMENT : risque d'électrocution. ATTENTION : surface chaude. Remarque : débranchez l'appareil avant de le nettoyer.
Pour allumer l'appareil, appuyez sur la touche marche/arrêt pendant trois secondes.
Étape 1 : branchez le câble. Étape 2 : sélectionnez le mode. Étape 3 : validez avec OK.
Problème / cause possible / solution. Contactez le service après-vente.`,
    `Manuel d'utilisation / guide de l'utilisateur / documentation
Prise en main   Installation   Configuration   Exemples   Référence de l'API   Questions fréquentes
Pour installer la bibliothèque, ajoutez la dépendance à votre projet et exécutez la commande suivante :
Le fichier de configuration contient les paramètres suivants. La méthode renvoie un objet.
L'exemple ci-dessous montre comment créer un fichier. Notice de montage, guide d'installation, configuration requise.
Ce guide explique comment installer, paramétrer et utiliser le logiciel.`,
    `Comment utiliser l'application
Pour créer un nouveau projet, cliquez sur Nouveau dans la barre d'outils et saisissez un nom. Sélectionnez le dossier puis cliquez sur Enregistrer.
Vous pouvez modifier les paramètres par défaut à tout moment dans le menu Réglages.
Si l'écran reste noir, vérifiez que le câble est correctement branché et que l'appareil est allumé.
Le tableau suivant présente les raccourcis clavier.`,
  ],
  es: [
    `MANUAL DE INSTRUCCIONES
Lea atentamente estas instrucciones antes de utilizar el aparato y consérvelas para futuras consultas.
Índice
1 Instrucciones de seguridad   2 Contenido del embalaje   3 Descripción del aparato   4 Puesta en marcha   5 Uso   6 Limpieza y mantenimiento   7 Solución de problemas   8 Especificaciones técnicas   9 Garantía
ADVERTENCIA: riesgo de descarga eléctrica. PRECAUCIÓN: superficie caliente. Nota: desenchufe el aparato antes de limpiarlo.
Para encender el aparato, pulse el botón de encendido durante tres segundos.
Paso 1: conecte el cable. Paso 2: seleccione el modo. Paso 3: confirme con OK.
Problema / causa posible / solución. Póngase en contacto con el servicio técnico.`,
    `Manual de usuario / guía del usuario / documentación
Primeros pasos   Instalación   Configuración   Ejemplos   Referencia de la API   Preguntas frecuentes
Para instalar la biblioteca, añada la dependencia a su proyecto y ejecute el siguiente comando:
El archivo de configuración contiene los siguientes parámetros. El método devuelve un objeto.
El siguiente ejemplo muestra cómo crear un archivo. Guía de instalación, requisitos del sistema.
Esta guía explica cómo instalar, configurar y utilizar el programa.`,
    `Cómo utilizar la aplicación
Para crear un proyecto nuevo, haga clic en Nuevo en la barra de herramientas e introduzca un nombre. Seleccione la carpeta y haga clic en Guardar.
Puede cambiar la configuración predeterminada en cualquier momento desde el menú Ajustes.
Si la pantalla no muestra nada, compruebe que el cable está bien conectado y que el aparato está encendido.
La siguiente tabla muestra los atajos de teclado.`,
  ],
};
