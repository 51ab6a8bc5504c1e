// French messages: exactly the keys of en.ts (the type says so; test/renderer/i18n.test.ts checks it too).
import type { MessageSchema } from './en';

const fr: MessageSchema = {
  app: {
    title: 'Satellite Sync',
    loading: 'Chargement…',
    unavailable: 'Impossible de joindre le service Satellite Sync.',
    reload: 'Réessayer',
  },
  common: {
    ok: 'OK',
    cancel: 'Annuler',
  },
  language: {
    label: 'Langue',
    en: 'English',
    fr: 'Français',
  },
  nav: {
    label: 'Navigation principale',
    sync: 'Synchronisation',
    preferences: 'Préférences',
    history: 'Historique',
    problems: 'Problèmes',
    diagnostics: 'Diagnostic',
    badge: {
      waiting:
        'Aucun enregistrement en attente d’envoi | {n} enregistrement en attente d’envoi | {n} enregistrements en attente d’envoi',
      error: 'Erreur de synchronisation : {message}',
      warning: 'La dernière synchronisation réussie date de plus d’un jour',
      danger: 'La dernière synchronisation réussie date de plus de 3 jours',
    },
  },
  steps: {
    label: 'Progression de la synchronisation',
    prepare: 'Préparer',
    pushV6: 'Envoi V6',
    push: 'Envoi',
    pullCentral: 'Réception centrale',
    pullRemote: 'Réception distante',
    pullV6: 'Réception V6',
    integrate: 'Intégrer',
    progress: '{done} / {total}',
    state: {
      waiting: 'pas commencé',
      active: 'en cours',
      done: 'terminé',
      failed: 'échoué',
    },
  },
  sync: {
    heading: 'État de la synchronisation',
    recordsWaiting: 'Enregistrements en attente d’envoi',
    records: 'aucun enregistrement | {n} enregistrement | {n} enregistrements',
    lastSync: 'Dernière synchronisation',
    lastSuccessfulSync: 'Dernière synchronisation réussie',
    never: 'Jamais',
    completedIn: 'terminée en {duration}',
    startedAt: 'commencée {time}',
    syncing: 'Synchronisation en cours…',
    syncNow: 'Synchroniser maintenant',
    outcome: {
      succeeded: 'réussie',
      failed: 'échouée',
      paused: 'en pause',
      interrupted: 'interrompue',
      running: 'en cours',
    },
    highVolume:
      'Un grand nombre d’enregistrements attendent d’être synchronisés. Cela peut prendre plus de temps que d’habitude.',
    paused:
      'La synchronisation automatique est en pause (l’intervalle de synchronisation vaut 0). « Synchroniser maintenant » fonctionne toujours.',
    interval:
      'Synchronisation automatique toutes les minutes. | Synchronisation automatique toutes les {n} minutes.',
    changeInterval: 'Modifier l’intervalle',
    problems:
      '{n} enregistrement reçu n’a pas pu être enregistré. | {n} enregistrements reçus n’ont pas pu être enregistrés.',
    seeProblems: 'Voir les problèmes',
    untranslated:
      '{n} enregistrement reçu est conservé pour une version ultérieure de cette application. | {n} enregistrements reçus sont conservés pour une version ultérieure de cette application.',
  },
  server: {
    label: 'Ce serveur',
    qr: 'QR code de l’adresse du serveur',
    enlarge: 'Cliquer pour agrandir',
    dialogTitle: 'Adresse du serveur',
    scanHint: 'Scannez ce code avec mSupply Cold Chain pour le connecter à ce serveur.',
    qrAlt: 'QR code de {url}',
    close: 'Fermer',
  },
  errorDetails: {
    button: 'Détails de l’erreur',
  },
  errors: {
    codes: {
      CONNECTION_ERROR: {
        message: 'Impossible de se connecter au serveur central',
        hint: 'Vérifiez la connexion internet et l’URL du serveur central, puis réessayez.',
      },
      SITE_NAME_NOT_FOUND: {
        message: 'Nom de site introuvable',
        hint: 'Vérifiez le nom du site : il doit correspondre à un site de synchronisation du serveur central.',
      },
      INCORRECT_PASSWORD: {
        message: 'Mot de passe incorrect',
        hint: 'Vérifiez le mot de passe du site auprès de l’administrateur du serveur central.',
      },
      HARDWARE_ID_MISMATCH: {
        message: 'Cet ordinateur n’est pas celui enregistré pour ce site',
        hint: 'L’administrateur du serveur central doit effacer l’identifiant matériel de ce site avant que cet ordinateur puisse synchroniser.',
      },
      SITE_HAS_NO_STORE: {
        message: 'Ce site n’a aucun magasin',
        hint: 'Demandez à l’administrateur du serveur central d’activer un magasin sur ce site.',
      },
      SITE_AUTH_TIMEOUT: {
        message: 'L’authentification du site a expiré, veuillez réessayer plus tard',
        hint: 'Trop de tentatives échouées ; attendez quelques minutes avant de réessayer.',
      },
      API_VERSION_INCOMPATIBLE: {
        message: 'Le serveur central mSupply ne prend pas en charge cette version de Satellite Sync',
        hint: 'Mettez à jour Satellite Sync ou le serveur central pour que leurs versions d’API de synchronisation correspondent.',
      },
      CENTRAL_V6_NOT_CONFIGURED: {
        message: 'Le serveur central Open mSupply n’est pas configuré',
        hint: 'Le serveur central mSupply doit indiquer une URL valide de serveur central Open mSupply.',
      },
      V6_API_VERSION_INCOMPATIBLE: {
        message: 'Le serveur central Open mSupply ne prend pas en charge cette version de Satellite Sync',
        hint: 'Mettez à jour Satellite Sync ou le serveur central Open mSupply.',
      },
      INTEGRATION_TIMEOUT_REACHED: {
        message: 'Le serveur central a mis trop de temps à intégrer les enregistrements envoyés',
        hint: 'Le serveur central est occupé ; la synchronisation réessaiera. Contactez le support si cela se répète.',
      },
      INTEGRATION_ERROR: {
        message: 'Les enregistrements reçus n’ont pas pu être enregistrés',
        hint: 'Consultez la liste des problèmes d’intégration ; contactez le support avec un export de diagnostic.',
      },
      SITE_UUID_IS_BEING_CHANGED: {
        message: 'Ces identifiants appartiennent à un autre site que cette base de données',
        hint: 'Une base initialisée pour un site ne peut pas synchroniser comme un autre ; vérifiez le nom du site et l’URL.',
      },
      INVALID_URL: {
        message: 'L’URL du serveur central n’est pas valide',
        hint: 'Saisissez une URL complète comme https://central.example.org:2048.',
      },
      SYNC_ID_MISMATCH: {
        message: 'Le Sync ID ne correspond pas à l’identifiant de ce site sur le serveur central',
        hint: 'Réglez le Sync ID dans Préférences › Synchronisation sur l’identifiant de site indiqué par le serveur central.',
      },
      UNKNOWN: {
        message: 'La synchronisation a échoué',
        hint: 'Consultez les détails ; contactez le support avec un export de diagnostic si cela se répète.',
      },
      TRANSPORT_ERROR: {
        message: 'Impossible de joindre le service Satellite Sync',
        hint: 'L’application s’est peut-être arrêtée ; redémarrez-la et réessayez.',
      },
      UNAUTHORISED: {
        message: 'Cette page n’est pas autorisée à utiliser le service Satellite Sync',
        hint: 'Ouvrez l’adresse affichée par l’application à son démarrage, avec son jeton.',
      },
    },
  },
  fields: {
    url: 'URL du serveur central',
    siteName: 'Nom du site',
    password: 'Mot de passe du site',
    syncId: 'Sync ID',
    interval: 'Intervalle de synchronisation (minutes)',
    intervalHint: '0 met la synchronisation automatique en pause',
    requestSize: 'Taille des requêtes de synchronisation',
    requestSizeHint: 'Enregistrements par requête',
    useNodeHttpClient: 'Utiliser le client HTTP js node',
    useNodeHttpClientHint:
      'Coché : les requêtes passent par la pile HTTP de Node. Décoché : par la pile réseau de Chromium, qui suit le proxy et les certificats du système.',
    userName: 'Nom d’utilisateur',
    serverPassword: 'Mot de passe',
    serverPasswordHint: 'Laisser vide pour garder le mot de passe enregistré',
    serverUrl: 'URL',
    hardwareId: 'Identifiant matériel',
  },
  validation: {
    required: 'Obligatoire',
    number: 'Saisissez un nombre entier',
    min: 'Doit être au moins {min}',
    max: 'Doit être au plus {max}',
    greaterThan: 'Doit être supérieur à {min}',
    minLength: 'Doit contenir au moins {min} caractères',
    syncId: 'Doit être un nombre entier supérieur à 1 (1 est le serveur central)',
    url: 'Saisissez une URL http ou https',
    invalid: 'Valeur non valide',
  },
  initialise: {
    heading: 'Bienvenue !',
    body: 'Pour commencer, saisissez les paramètres que ce site utilise pour se synchroniser avec le serveur central mSupply, puis appuyez sur Initialiser.',
    profile: 'Prérempli pour {name}',
    submit: 'Initialiser',
    retry: 'Réessayer',
    initialising:
      'Initialisation : la première synchronisation télécharge tout ce dont ce site a besoin. Cela peut prendre du temps.',
  },
  preferences: {
    heading: 'Synchronisation',
    unlock: 'Cliquer pour déverrouiller',
    lock: 'Cliquer pour verrouiller',
    lockedNote:
      'Les préférences protégées sont verrouillées. Seul l’intervalle de synchronisation peut être modifié.',
    unlockedNote:
      'Déverrouillé. Les préférences protégées se verrouillent à nouveau après 10 minutes d’inactivité ou à la fermeture de la fenêtre.',
    lockedOut: 'Trop de codes erronés : le déverrouillage sera à nouveau possible à {time}.',
    site: 'Ce site',
    save: 'Enregistrer',
    saved: 'Enregistré',
  },
  unlock: {
    title: 'Code d’autorisation',
    field: 'Code d’autorisation',
    wrongCode:
      'Code d’autorisation erroné. | Code d’autorisation erroné : {n} essai restant. | Code d’autorisation erroné : {n} essais restants.',
    noCodeSet: 'Aucun code d’autorisation n’est défini pour ce site.',
  },
  code: {
    change: 'Changer le code d’autorisation',
    current: 'Code actuel',
    new: 'Nouveau code',
    repeat: 'Répétez le nouveau code',
    mismatch: 'Les nouveaux codes ne correspondent pas',
    changed: 'Code d’autorisation changé',
  },
  connection: {
    check: 'Vérifier la connexion',
    heading: 'Résultats de la vérification de connexion',
    property: 'Vérification',
    servers: {
      'msupply-central': 'Serveur central mSupply',
      'open-msupply-central': 'Serveur central Open mSupply',
    },
    reachable: 'Joignable',
    credentialsAccepted: 'Identifiants acceptés',
    syncIdMatches: 'Le Sync ID correspond',
    hardwareIdAccepted: 'Identifiant matériel accepté',
    versionCompatible: 'Versions d’API compatibles',
    latency: 'Latence',
    yes: 'Oui',
    no: 'Non',
    notChecked: 'Non vérifié',
    milliseconds: '{n} ms',
  },
  servers: {
    heading: 'Paramètres de synchronisation',
    search: 'Rechercher des Sync ID, noms d’utilisateur',
    add: 'Ajouter un serveur',
    remove: 'Retirer le serveur',
    edit: 'Modifier {name}',
    select: 'Sélectionner {name}',
    readOnly: 'lecture seule',
    noData: 'Aucun serveur',
    columns: {
      syncId: 'Sync ID',
      userName: 'Nom d’utilisateur',
      url: 'URL',
      actions: 'Actions',
    },
    newTitle: 'Nouveau serveur',
    editTitle: 'Serveur {name}',
    confirmRemove: 'Retirer le serveur {name} ({url}) ?',
    generate: 'Générer les enregistrements de synchronisation',
    retrieve: 'Récupérer les enregistrements de synchronisation',
    confirmGenerate: 'Remettre en file d’envoi tous les enregistrements locaux des magasins de ce site ?',
    confirmRetrieve: 'Demander au serveur central de renvoyer tout ce qui concerne ce site, et le recevoir ?',
    generated:
      'Aucun enregistrement mis en file d’envoi. | {n} enregistrement mis en file d’envoi. | {n} enregistrements mis en file d’envoi.',
    retrieved: 'Demande envoyée : les enregistrements arriveront à la prochaine synchronisation.',
  },
  confirm: {
    title: 'Veuillez confirmer',
    yes: 'Oui',
    no: 'Non',
  },
  history: {
    heading: 'Historique des synchronisations',
    empty: 'Aucune synchronisation n’a encore eu lieu.',
    refresh: 'Actualiser',
    chart: 'Enregistrements par synchronisation, de la plus ancienne à la plus récente',
    bar: '{time} : {records} ({outcome})',
    columns: {
      started: 'Début',
      duration: 'Durée',
      kind: 'Type',
      outcome: 'Résultat',
      records: 'Enregistrements par étape',
      error: 'Erreur',
    },
    kind: {
      initialisation: 'Initialisation',
      operational: 'Synchronisation',
      retrieve: 'Récupération',
    },
  },
  problems: {
    heading: 'Problèmes d’intégration',
    intro:
      'Enregistrements reçus des serveurs centraux qui n’ont pas pu être enregistrés. Ils sont conservés et peuvent être réessayés.',
    empty: 'Aucun problème d’intégration.',
    retry: 'Réessayer',
    retryHint: 'Réessaie les enregistrements sélectionnés, ou tous si aucun n’est sélectionné.',
    result: '{retried} réessayé(s) : {stillFailing} toujours en échec.',
    columns: {
      table: 'Table',
      record: 'Enregistrement',
      reason: 'Raison',
      received: 'Reçu',
    },
  },
  diagnostics: {
    heading: 'Diagnostic',
    intro:
      'Une archive zip des journaux, des dernières synchronisations, des versions et des réglages (sans secrets), pour le support.',
    export: 'Exporter le diagnostic',
    written: 'Écrit dans {file}',
    version: 'Version',
    hardwareId: 'Identifiant matériel de cet ordinateur',
    serverUrl: 'Adresse du serveur',
    secretStorage: 'Stockage des secrets',
    mode: 'Mode',
    modes: {
      electron: 'Application de bureau',
      browser: 'Navigateur',
    },
  },
  duration: {
    hours: '{n} heure | {n} heures',
    minutes: '{n} minute | {n} minutes',
    seconds: '{n} seconde | {n} secondes',
  },
};

export default fr;
