//! The pallet's calls: each checks its origin and hands over to its `do_*` helper in
//! `features/`. A pallet section, imported into the pallet module by `lib.rs`.

use frame_support::pallet_macros::pallet_section;

#[pallet_section]
mod calls {
	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Add a clearance type to the catalogue, or change it. Cases already open keep the
		/// time limit they opened with.
		///
		/// Origin: [`Config::CouncilOrigin`]. Checks: the code is well formed
		/// ([`Error::BadCode`]), the department exists ([`Error::UnknownDepartment`]), the time
		/// limit is positive ([`Error::ZeroTimeLimit`]), prerequisites are other types
		/// ([`Error::SelfPrerequisite`]) in the catalogue ([`Error::UnknownPrerequisite`]),
		/// document kinds are well formed ([`Error::BadCode`]).
		/// Emits [`Event::ClearanceTypeSet`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::set_clearance_type())]
		pub fn set_clearance_type(
			origin: OriginFor<T>,
			code: TypeCode,
			clearance: ClearanceTypeOf<T>,
		) -> DispatchResult {
			T::CouncilOrigin::ensure_origin(origin)?;
			Self::do_set_type(code, clearance)
		}

		/// Remove a clearance type from the catalogue. Certificates of it stay as they are.
		///
		/// Origin: [`Config::CouncilOrigin`]. Checks: the type exists ([`Error::UnknownType`]),
		/// no case of it is undecided and no case waits for it as a prerequisite
		/// ([`Error::TypeInUse`]). Emits [`Event::ClearanceTypeRemoved`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_clearance_type())]
		pub fn remove_clearance_type(origin: OriginFor<T>, code: TypeCode) -> DispatchResult {
			T::CouncilOrigin::ensure_origin(origin)?;
			Self::do_remove_type(code)
		}

		/// Anchor a document by the SHA-256 hash of its file, so any later application of the
		/// enterprise can use it and any department can check it. Never personal data: only
		/// the hash, size, kind and an optional URI.
		///
		/// Origin: the owner or an agent of an enterprise ([`Error::NotAuthorized`]).
		/// Checks: the kind is well formed ([`Error::BadCode`]), the enterprise has not
		/// anchored the hash yet ([`Error::AlreadyAnchored`]); another enterprise's anchor of
		/// the same hash does not matter. A kind longer than `MaxDocKindLen` or a URI longer
		/// than `MaxUri` does not decode. Emits [`Event::DocumentAnchored`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::anchor_document())]
		pub fn anchor_document(
			origin: OriginFor<T>,
			sha256: H256,
			kind: DocKind,
			size: u64,
			uri: Option<BoundedVec<u8, MaxUri>>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_anchor(who, sha256, kind, size, uri)
		}

		/// Submit a common application: one case per clearance type, opened at its department
		/// (or waiting for its prerequisites).
		///
		/// Origin: the owner or an agent of an enterprise ([`Error::NotAuthorized`]).
		/// Refuses what can never succeed: a project without name or sector
		/// ([`Error::NoProjectName`], [`Error::NoSector`]), empty lists ([`Error::NoParcels`],
		/// [`Error::NoTypes`]), unknown or frozen parcels ([`Error::UnknownParcel`],
		/// [`Error::ParcelFrozen`]), a parcel the enterprise neither holds nor has its holder's
		/// consent for ([`Error::NoHolderConsent`]), a parcel or type named twice
		/// ([`Error::DuplicateParcel`], [`Error::DuplicateType`]), documents the enterprise did
		/// not anchor ([`Error::UnknownDocument`]), unknown types ([`Error::UnknownType`]),
		/// required documents missing ([`Error::MissingDocument`]), prerequisites that will
		/// never be met ([`Error::MissingPrerequisite`]; only a certificate in force meets one),
		/// a parcel and type with a live case or a certificate neither revoked nor expired
		/// already ([`Error::AlreadyApplied`], [`Error::AlreadyApproved`]), a parcel without
		/// room for more cases ([`Error::TooManyCases`]), no room in the deadline queue
		/// ([`Error::DeadlineQueueFull`]). Lists longer than `MaxParcels`, `MaxTypes` or
		/// `MaxDocuments` do not decode.
		/// Emits [`Event::ApplicationSubmitted`], then [`Event::CaseOpened`] or
		/// [`Event::CaseWaiting`] per case.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::submit_application(
			types.len() as u32,
			parcels.len() as u32,
			documents.len() as u32,
		))]
		pub fn submit_application(
			origin: OriginFor<T>,
			project: Project,
			parcels: BoundedVec<Ulpin, MaxParcels>,
			types: BoundedVec<TypeCode, MaxTypes>,
			documents: BoundedVec<H256, MaxDocuments>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_submit(who, project, parcels, types, documents)
		}

		/// Withdraw an application: every undecided case is withdrawn.
		///
		/// Origin: the owner or an agent of the applicant ([`Error::NotAuthorized`]).
		/// Checks: the application exists and is open ([`Error::UnknownApplication`],
		/// [`Error::InvalidState`]). Emits [`Event::ApplicationWithdrawn`].
		///
		/// Charged for the largest application; refunds the rest.
		#[pallet::call_index(4)]
		#[pallet::weight({
			let l = Extent::largest();
			T::WeightInfo::withdraw_application(l.cases, l.parcels)
		})]
		pub fn withdraw_application(
			origin: OriginFor<T>,
			application: ApplicationId,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let e = Self::do_withdraw(who, application)?;
			Ok(Some(T::WeightInfo::withdraw_application(e.cases, e.parcels)).into())
		}

		/// Take an open case for scrutiny.
		///
		/// Origin: a scrutiny officer (or the head) of the case's department
		/// ([`Error::NotAuthorized`]). Checks: the case is submitted and not yet taken
		/// ([`Error::InvalidState`]), not suspended ([`Error::Suspended`]).
		/// Emits [`Event::CaseTaken`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::take_case())]
		pub fn take_case(origin: OriginFor<T>, case: CaseId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_take(who, case)
		}

		/// Raise the department's one query on a case; the department clock stops and the
		/// applicant's response clock starts.
		///
		/// Origin: the officer holding the case, or the head ([`Error::NotAuthorized`]).
		/// Checks: the case is with the department ([`Error::InvalidState`]), not suspended, has
		/// no query yet ([`Error::QueryAlreadyRaised`]), and no more than a third of its time
		/// limit is used ([`Error::ObjectionsLocked`]). Emits [`Event::QueryRaised`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::raise_query())]
		pub fn raise_query(origin: OriginFor<T>, case: CaseId, query: H256) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_raise_query(who, case, query)
		}

		/// Respond to the department's query, optionally attaching more documents; the case
		/// returns to the department and its clock runs again.
		///
		/// Origin: the owner or an agent of the applicant ([`Error::NotAuthorized`]).
		/// Checks: a query waits ([`Error::InvalidState`]), not suspended; documents are
		/// anchored by the applicant ([`Error::UnknownDocument`]) and fit with those already
		/// attached ([`Error::TooManyDocuments`]). More than `MaxDocuments` do not decode.
		/// Emits [`Event::QueryResponded`].
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::respond_to_query(documents.len() as u32))]
		pub fn respond_to_query(
			origin: OriginFor<T>,
			case: CaseId,
			response: H256,
			documents: BoundedVec<H256, MaxDocuments>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_respond(who, case, response, documents)
		}

		/// Approve a case with conditions and issue its certificate. A land-use conversion
		/// changes the parcels' class; cases waiting for this one open.
		///
		/// Origin: an approving authority of the case's department, or its head; only the head
		/// decides an escalated case ([`Error::NotAuthorized`]). Checks: the case is with the
		/// department ([`Error::InvalidState`]) and not suspended ([`Error::Suspended`]).
		/// Emits [`Event::CaseApproved`] and [`Event::CertificateIssued`].
		///
		/// Charged for the largest application; refunds the rest.
		#[pallet::call_index(8)]
		#[pallet::weight({
			let l = Extent::largest();
			T::WeightInfo::approve(l.cases, l.parcels)
		})]
		pub fn approve(
			origin: OriginFor<T>,
			case: CaseId,
			conditions: H256,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let e = Self::do_approve(who, case, conditions)?;
			Ok(Some(T::WeightInfo::approve(e.cases, e.parcels)).into())
		}

		/// Reject a case with a reason code and the hash of the reasoning. Cases of the same
		/// application waiting for it can never open and are rejected too.
		///
		/// Origin and checks: as [`Pallet::approve`]. Emits [`Event::CaseRejected`].
		///
		/// Charged for the largest application; refunds the rest.
		#[pallet::call_index(9)]
		#[pallet::weight({
			let l = Extent::largest();
			T::WeightInfo::reject(l.cases, l.parcels)
		})]
		pub fn reject(
			origin: OriginFor<T>,
			case: CaseId,
			reason: u16,
			reasoning: H256,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let e = Self::do_reject(who, case, reason, reasoning)?;
			Ok(Some(T::WeightInfo::reject(e.cases, e.parcels)).into())
		}

		/// Renew a certificate: a new certificate, linked to the old, valid for another
		/// validity period from the old expiry (or from now, if later).
		///
		/// Origin: an approving authority of the issuing department, or its head
		/// ([`Error::NotAuthorized`]). Checks: the certificate exists
		/// ([`Error::UnknownCertificate`]), is not revoked ([`Error::Revoked`]), suspended
		/// ([`Error::Suspended`]), renewed ([`Error::AlreadyRenewed`]), permanent
		/// ([`Error::Permanent`]) or, once expired, replaced on a parcel by a later certificate
		/// of its type ([`Error::Superseded`]). Emits [`Event::CertificateRenewed`].
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::renew_certificate())]
		pub fn renew_certificate(
			origin: OriginFor<T>,
			certificate: CertificateId,
			conditions: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_renew(who, certificate, conditions)
		}

		/// Revoke a certificate with a reason code and the hash of the reasoning.
		///
		/// Origin: an approving authority of the issuing department, or its head
		/// ([`Error::NotAuthorized`]). Checks: the certificate exists and is not revoked yet
		/// ([`Error::UnknownCertificate`], [`Error::Revoked`]).
		/// Emits [`Event::CertificateRevoked`].
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::revoke_certificate())]
		pub fn revoke_certificate(
			origin: OriginFor<T>,
			certificate: CertificateId,
			reason: u16,
			reasoning: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_revoke(who, certificate, reason, reasoning)
		}

		/// Declare a public holiday: statutory clocks do not run on it. Clocks that span it run
		/// out one day later; their place in the deadline and work queues does not change.
		///
		/// Origin: [`Config::CouncilOrigin`]. Checks: the day has not begun
		/// ([`Error::DayStarted`]), is not a holiday yet ([`Error::AlreadyHoliday`]), and the
		/// calendar has room ([`Error::TooManyHolidays`]). Emits [`Event::HolidayAdded`].
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::add_holiday())]
		pub fn add_holiday(origin: OriginFor<T>, day: DayIndex) -> DispatchResult {
			T::CouncilOrigin::ensure_origin(origin)?;
			Self::do_add_holiday(day)
		}

		/// Take a day off the holiday calendar. Clocks that span it run out one day earlier;
		/// their place in the deadline and work queues does not change.
		///
		/// Origin: [`Config::CouncilOrigin`]. Checks: the day has not begun
		/// ([`Error::DayStarted`]) and is a holiday ([`Error::NotHoliday`]).
		/// Emits [`Event::HolidayRemoved`].
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::remove_holiday())]
		pub fn remove_holiday(origin: OriginFor<T>, day: DayIndex) -> DispatchResult {
			T::CouncilOrigin::ensure_origin(origin)?;
			Self::do_remove_holiday(day)
		}

		/// Set the appeal terms of a clearance type (windows to appeal, the appellate
		/// authorities' limits), or with `None` remove them: its cases can then not be
		/// appealed. Appeals already filed keep their clocks.
		///
		/// Origin: [`Config::CouncilOrigin`]. Checks: the type is in the catalogue
		/// ([`Error::UnknownType`]), every window and limit is positive
		/// ([`Error::ZeroTimeLimit`]), terms to remove exist ([`Error::NoAppealTerms`]).
		/// Emits [`Event::AppealTermsSet`] or [`Event::AppealTermsRemoved`].
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::set_appeal_terms())]
		pub fn set_appeal_terms(
			origin: OriginFor<T>,
			code: TypeCode,
			terms: Option<AppealTermsOf<T>>,
		) -> DispatchResult {
			T::CouncilOrigin::ensure_origin(origin)?;
			Self::do_set_appeal_terms(code, terms)
		}

		/// Set the range within which a Reviewing Officer may fine an officer, in rupees.
		///
		/// Origin: [`Config::CouncilOrigin`]. Checks: `0 < min <= max`
		/// ([`Error::BadPenaltyRange`]). Emits [`Event::PenaltyRangeSet`].
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::set_penalty_range())]
		pub fn set_penalty_range(origin: OriginFor<T>, range: PenaltyRange) -> DispatchResult {
			T::CouncilOrigin::ensure_origin(origin)?;
			Self::do_set_penalty_range(range)
		}

		/// File a first appeal, to the department's Appellate Officer, against a case that was
		/// rejected, lapsed or decided late (within the type's appeal window from the
		/// decision), or that is escalated (while it stays so). The Appellate Officer's clock
		/// starts.
		///
		/// Origin: the owner or an agent of the applicant ([`Error::NotAuthorized`]).
		/// Checks: the case exists ([`Error::UnknownCase`]), its application was not withdrawn
		/// ([`Error::ApplicationClosed`]), its type has appeal terms ([`Error::NoAppealTerms`]),
		/// it is appealable ([`Error::NotAppealable`]) within the window
		/// ([`Error::AppealWindowClosed`]), no appeal on it is pending
		/// ([`Error::AppealPending`]) and its current decision was not appealed yet
		/// ([`Error::AlreadyAppealed`]), it has room for the appeal ([`Error::TooManyAppeals`]),
		/// and the deadline queue has room ([`Error::DeadlineQueueFull`]).
		/// Emits [`Event::AppealFiled`].
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::file_appeal())]
		pub fn file_appeal(origin: OriginFor<T>, case: CaseId, grounds: H256) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_file_appeal(who, case, grounds, AppealLevel::First)
		}

		/// File a second appeal, to the department's Reviewing Officer, after the first appeal
		/// was upheld or timed out, within the type's second window. The Reviewing Officer's
		/// clock starts.
		///
		/// Origin: the owner or an agent of the applicant ([`Error::NotAuthorized`]).
		/// Checks: as [`Pallet::file_appeal`], except that the case's last appeal must be a
		/// first appeal ([`Error::NoFirstAppeal`], [`Error::AlreadyAppealed`]), closed
		/// ([`Error::AppealPending`]) without reopening the case ([`Error::FirstAppealGranted`]),
		/// within the second window from its closing ([`Error::AppealWindowClosed`]).
		/// Emits [`Event::AppealFiled`].
		#[pallet::call_index(17)]
		#[pallet::weight(T::WeightInfo::file_second_appeal())]
		pub fn file_second_appeal(
			origin: OriginFor<T>,
			case: CaseId,
			grounds: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_file_appeal(who, case, grounds, AppealLevel::Second)
		}

		/// Decide a pending appeal with a reasoned order: uphold, order the department to decide
		/// an escalated case within a limit, or set aside a rejection or lapse (the case reopens
		/// at its department with a fresh clock of its time limit).
		///
		/// Origin: an Appellate Officer (first appeals) or Reviewing Officer (second appeals)
		/// of the case's department, holding the role as an officer, not as head
		/// ([`Error::NotAuthorized`]), who neither held nor decided the case
		/// ([`Error::OwnCase`]). Checks: the appeal exists ([`Error::UnknownAppeal`]) and is
		/// pending ([`Error::AppealClosed`]); an order fits the case
		/// ([`Error::InvalidOutcome`]: an order needs an escalated case and a positive limit, a
		/// set-aside a rejected or lapsed case), the case is not suspended
		/// ([`Error::Suspended`]); a set-aside needs its application open to it
		/// ([`Error::ApplicationClosed`]), its type in the catalogue ([`Error::UnknownType`]),
		/// its prerequisites in force ([`Error::MissingPrerequisite`]), its parcels not frozen
		/// ([`Error::ParcelFrozen`]), free of another live case or clearance of the type
		/// ([`Error::AlreadyApplied`], [`Error::AlreadyApproved`]) and with room
		/// ([`Error::TooManyCases`]); the deadline queue has room
		/// ([`Error::DeadlineQueueFull`]). Emits [`Event::AppealDecided`], then
		/// [`Event::CaseReopened`] if the case goes back to its department.
		#[pallet::call_index(18)]
		#[pallet::weight(T::WeightInfo::decide_appeal(<MaxParcels as Get<u32>>::get()))]
		pub fn decide_appeal(
			origin: OriginFor<T>,
			appeal: AppealId,
			outcome: AppealOutcome<BlockNumberFor<T>>,
			document: H256,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let parcels = Self::do_decide_appeal(who, appeal, outcome, document)?;
			Ok(Some(T::WeightInfo::decide_appeal(parcels)).into())
		}

		/// Record a penalty against the officer who held a case, on a second appeal.
		///
		/// Origin: a Reviewing Officer of the case's department, as an officer
		/// ([`Error::NotAuthorized`]), not the officer penalised ([`Error::OwnCase`]). Checks:
		/// the appeal exists ([`Error::UnknownAppeal`]) and is a second appeal
		/// ([`Error::NotSecondAppeal`]) without a penalty yet
		/// ([`Error::PenaltyAlreadyRecorded`]); `officer` held the case, or is the department's
		/// head if no officer took it ([`Error::NotCaseOfficer`]); the council set a range
		/// ([`Error::NoPenaltyRange`]) and `amount` is within it
		/// ([`Error::PenaltyOutOfRange`]). Emits [`Event::PenaltyRecorded`].
		#[pallet::call_index(19)]
		#[pallet::weight(T::WeightInfo::record_penalty())]
		pub fn record_penalty(
			origin: OriginFor<T>,
			appeal: AppealId,
			officer: T::AccountId,
			amount: u32,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_record_penalty(who, appeal, officer, amount)
		}
	}
}
