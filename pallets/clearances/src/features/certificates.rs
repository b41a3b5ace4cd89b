//! Certificates after issue: renewal (a new certificate linked to the old) and revocation.

use crate::*;

impl<T: Config> Pallet<T> {
	/// See [`Pallet::renew_certificate`].
	pub(crate) fn do_renew(
		who: T::AccountId,
		id: CertificateId,
		conditions: H256,
	) -> DispatchResult {
		let mut old = Certificates::<T>::get(id).ok_or(Error::<T>::UnknownCertificate)?;
		let authority = Self::certificate_officer(&who, &old)?;
		ensure!(old.revoked.is_none(), Error::<T>::Revoked);
		ensure!(old.suspensions == 0, Error::<T>::Suspended);
		ensure!(old.renewed_by.is_none(), Error::<T>::AlreadyRenewed);
		let old_expiry = old.expires_at.ok_or(Error::<T>::Permanent)?;
		// Once it expired, its parcels were free to be granted the type again.
		for p in old.parcels.iter() {
			let holder = CertificateOfParcel::<T>::get(p, &old.clearance);
			ensure!(holder == Some(id), Error::<T>::Superseded);
		}
		let validity = ClearanceTypes::<T>::get(&old.clearance)
			.and_then(|t| t.validity_ms)
			.or_else(|| Some(old_expiry.saturating_sub(old.issued_at)))
			.unwrap_or_default();
		let number = NextCertificateId::<T>::get();
		let next = number.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;

		let now_ms = Self::now_ms();
		let expires_at = Some(old_expiry.max(now_ms).saturating_add(validity));
		let new = Certificate {
			conditions,
			issued_at: now_ms,
			expires_at,
			renews: Some(id),
			renewed_by: None,
			revoked: None,
			suspensions: 0,
			..old.clone()
		};
		Self::record(
			Subject::Certificate(number),
			Some(&who),
			authority.clone(),
			Action::CertificateRenewed,
			(&new, id),
		)?;
		Self::record(
			Subject::Certificate(id),
			Some(&who),
			authority,
			Action::CertificateRenewed,
			number,
		)?;
		NextCertificateId::<T>::put(next);
		for p in old.parcels.iter() {
			// The new one takes the old one's place on the parcel.
			CertificatesOf::<T>::mutate(p, |l| {
				for c in l.iter_mut().filter(|c| **c == id) {
					*c = number;
				}
			});
		}
		Self::index_certificate(number, &new, Some(id));
		old.renewed_by = Some(number);
		Certificates::<T>::insert(id, old);
		Certificates::<T>::insert(number, new);
		Self::deposit_event(Event::CertificateRenewed { old: id, new: number, expires_at });
		Ok(())
	}

	/// See [`Pallet::revoke_certificate`].
	pub(crate) fn do_revoke(
		who: T::AccountId,
		id: CertificateId,
		reason: u16,
		reasoning: H256,
	) -> DispatchResult {
		let mut cert = Certificates::<T>::get(id).ok_or(Error::<T>::UnknownCertificate)?;
		let authority = Self::certificate_officer(&who, &cert)?;
		ensure!(cert.revoked.is_none(), Error::<T>::Revoked);

		Self::record(
			Subject::Certificate(id),
			Some(&who),
			authority,
			Action::CertificateRevoked,
			(reason, reasoning),
		)?;
		for p in cert.parcels.iter() {
			CertificatesOf::<T>::mutate(p, |l| l.retain(|c| *c != id));
		}
		Self::unindex_certificate(id, &cert);
		cert.revoked = Some((Self::now_ms(), reason, reasoning));
		Certificates::<T>::insert(id, cert);
		Self::deposit_event(Event::CertificateRevoked { certificate: id, by: who, reason });
		Ok(())
	}
}
